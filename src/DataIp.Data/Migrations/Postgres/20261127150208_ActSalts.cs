using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActSalts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Salts",
                table: "Acts",
                type: "text",
                nullable: true);

            // Each act's salts move from one ActSecrets row per private field into the act row
            // (a JSON object of name → hex salt), then the table goes.
            migrationBuilder.Sql(
                """
                UPDATE "Acts" a SET "Salts" = s.salts
                FROM (SELECT "ActId", json_object_agg("Name", encode("Salt", 'hex') ORDER BY "Name")::text AS salts
                      FROM "ActSecrets" GROUP BY "ActId") s
                WHERE a."Id" = s."ActId";
                """);

            migrationBuilder.DropTable(
                name: "ActSecrets");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActSecrets",
                columns: table => new
                {
                    ActId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActSecrets", x => new { x.ActId, x.Name });
                });

            migrationBuilder.Sql(
                """
                INSERT INTO "ActSecrets" ("ActId", "Name", "Salt")
                SELECT a."Id", j.key, decode(j.value, 'hex') FROM "Acts" a, json_each_text(a."Salts"::json) j WHERE a."Salts" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "Salts",
                table: "Acts");
        }
    }
}
