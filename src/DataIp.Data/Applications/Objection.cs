using DataIp.Domain.Registration;

namespace DataIp.Data.Applications;

/// <summary>An objection (异议) filed by anyone during the public notice period.</summary>
public sealed class Objection
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The application objected to.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The objector's name (public).</summary>
    public string ObjectorName { get; set; } = "";

    /// <summary>How to reach the objector (private: examiners only).</summary>
    public string ObjectorContact { get; set; } = "";

    /// <summary>The objector's account when signed in.</summary>
    public Guid? ObjectorAccountId { get; set; }

    /// <summary>The grounds of the objection.</summary>
    public string Grounds { get; set; } = "";

    /// <summary>Open, upheld or dismissed.</summary>
    public ObjectionStatus Status { get; set; }

    /// <summary>When it was filed.</summary>
    public DateTimeOffset FiledAt { get; set; }

    /// <summary>When it was ruled on.</summary>
    public DateTimeOffset? RuledAt { get; set; }

    /// <summary>The examiner who ruled.</summary>
    public Guid? RuledById { get; set; }

    /// <summary>The reasons of the ruling.</summary>
    public string? RulingReasons { get; set; }
}
