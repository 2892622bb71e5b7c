using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DataName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Holders = table.Column<string>(type: "TEXT", nullable: false),
                    BodyCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    IndustryCode = table.Column<string>(type: "TEXT", nullable: true),
                    IndustrySection = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rights = table.Column<int>(type: "INTEGER", nullable: false),
                    Pledged = table.Column<bool>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticeStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegistrationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_ApplicationId",
                table: "SearchEntries",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_DataName_Id",
                table: "SearchEntries",
                columns: new[] { "DataName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Date_Id",
                table: "SearchEntries",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Number_Id",
                table: "SearchEntries",
                columns: new[] { "Number", "Id" });

            // Not in the model: SQLite's full-text table and the triggers that feed it.
            migrationBuilder.Sql(DataIp.Data.Search.SqliteSearchText.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DataIp.Data.Search.SqliteSearchText.Drop);
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
