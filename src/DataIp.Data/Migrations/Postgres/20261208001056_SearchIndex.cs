using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DataIp.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    Terms = table.Column<string[]>(type: "text[]", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    DataName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Holders = table.Column<string[]>(type: "text[]", nullable: false),
                    BodyCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    IndustryCode = table.Column<string>(type: "text", nullable: true),
                    IndustrySection = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rights = table.Column<int>(type: "integer", nullable: false),
                    Pledged = table.Column<bool>(type: "boolean", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    NoticeStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RegistrationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "SearchLexicon",
                columns: table => new
                {
                    Term = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchLexicon", x => x.Term);
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

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Terms",
                table: "SearchEntries",
                column: "Terms")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.DropTable(
                name: "SearchLexicon");
        }
    }
}
