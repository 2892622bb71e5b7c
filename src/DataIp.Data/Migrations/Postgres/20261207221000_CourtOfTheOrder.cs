using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CourtOfTheOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RightHolders_AccountId",
                table: "RightHolders");

            migrationBuilder.AddColumn<bool>(
                name: "Ended",
                table: "RightHolders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidUntil",
                table: "RightHolders",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_RightHolders_AccountId_ValidUntil_ApplicationId",
                table: "RightHolders",
                columns: new[] { "AccountId", "ValidUntil", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RightHolders_AccountId_ValidUntil_ApplicationId",
                table: "RightHolders");

            migrationBuilder.DropColumn(
                name: "Ended",
                table: "RightHolders");

            migrationBuilder.DropColumn(
                name: "ValidUntil",
                table: "RightHolders");

            migrationBuilder.CreateIndex(
                name: "IX_RightHolders_AccountId",
                table: "RightHolders",
                column: "AccountId");
        }
    }
}
