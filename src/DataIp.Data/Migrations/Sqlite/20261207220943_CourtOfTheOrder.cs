using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CourtOfTheOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CourtName",
                table: "Pledges",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtOrderDate",
                table: "Pledges",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CourtName",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "CourtOrderDate",
                table: "Pledges");
        }
    }
}
