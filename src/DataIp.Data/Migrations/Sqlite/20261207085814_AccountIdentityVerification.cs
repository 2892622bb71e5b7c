using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountIdentityVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "IdentityDecidedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityVerification",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // Applicants that signed up before verification existed have claimed their identity
            // only: they stay able to draft, and an administrator verifies them before they submit.
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"IdentityVerification\" = 'Claimed' WHERE \"Role\" = 'Applicant'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdentityDecidedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "IdentityVerification",
                table: "AspNetUsers");
        }
    }
}
