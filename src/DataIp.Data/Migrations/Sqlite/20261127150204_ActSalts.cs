using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            // Each act's salts move from one ActSecrets row per private field into the act row
            // (a JSON object of name → hex salt), then the table goes.
            migrationBuilder.Sql(
                """
                UPDATE "Acts" SET "Salts" = (
                    SELECT json_group_object("Name", lower(hex("Salt")))
                    FROM (SELECT "Name", "Salt" FROM "ActSecrets" WHERE "ActSecrets"."ActId" = "Acts"."Id" ORDER BY "Name"))
                WHERE "Id" IN (SELECT "ActId" FROM "ActSecrets");
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
                    ActId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActSecrets", x => new { x.ActId, x.Name });
                });

            migrationBuilder.Sql(
                """
                INSERT INTO "ActSecrets" ("ActId", "Name", "Salt")
                SELECT a."Id", j.key, unhex(j.value) FROM "Acts" a, json_each(a."Salts") j WHERE a."Salts" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "Salts",
                table: "Acts");
        }
    }
}
