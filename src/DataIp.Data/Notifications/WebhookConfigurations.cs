using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataIp.Data.Notifications;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Property(w => w.Url).HasMaxLength(WebhookSubscription.MaxUrlLength);
        builder.Property(w => w.Secret).HasMaxLength(64);
        builder.Property(w => w.Description).HasMaxLength(200);
        builder.HasIndex(w => w.AccountId);
        builder.HasOne<DataIp.Data.Accounts.Account>().WithMany().HasForeignKey(w => w.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.LastError).HasMaxLength(500);
        // The dispatcher looks for each subscription's first pending delivery.
        builder.HasIndex(d => new { d.SubscriptionId, d.Status, d.Id });
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Restrict);
    }
}

