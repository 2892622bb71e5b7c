using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountIdentityVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "IdentityDecidedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityVerification",
                table: "AspNetUsers",
                type: "character varying(64)",
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
