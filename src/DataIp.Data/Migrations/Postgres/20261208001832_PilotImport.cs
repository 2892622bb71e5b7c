using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PilotImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PilotAliases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    PilotNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PilotRegistrationNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportLogIndex = table.Column<long>(type: "bigint", nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotAliases_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotAliases_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PilotAliases_ApplicationId",
                table: "PilotAliases",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotAliases_BodyId_PilotNumber",
                table: "PilotAliases",
                columns: new[] { "BodyId", "PilotNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotAliases_PilotNumber",
                table: "PilotAliases",
                column: "PilotNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PilotAliases");
        }
    }
}
