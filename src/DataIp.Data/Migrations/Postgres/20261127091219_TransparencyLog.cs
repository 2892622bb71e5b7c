using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransparencyLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LogIndex",
                table: "Acts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

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

            migrationBuilder.CreateTable(
                name: "LogCheckpoints",
                columns: table => new
                {
                    TreeSize = table.Column<long>(type: "bigint", nullable: false),
                    RootHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogCheckpoints", x => x.TreeSize);
                });

            migrationBuilder.CreateTable(
                name: "LogEntries",
                columns: table => new
                {
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    ActId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeafHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Entry = table.Column<byte[]>(type: "bytea", maxLength: 65535, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogEntries", x => x.Index);
                });

            migrationBuilder.CreateTable(
                name: "LogNodes",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogNodes", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "LogStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    IntegratedSize = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogStates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Acts_LogIndex",
                table: "Acts",
                column: "LogIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LogEntries_ActId",
                table: "LogEntries",
                column: "ActId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActSecrets");

            migrationBuilder.DropTable(
                name: "LogCheckpoints");

            migrationBuilder.DropTable(
                name: "LogEntries");

            migrationBuilder.DropTable(
                name: "LogNodes");

            migrationBuilder.DropTable(
                name: "LogStates");

            migrationBuilder.DropIndex(
                name: "IX_Acts_LogIndex",
                table: "Acts");

            migrationBuilder.DropColumn(
                name: "LogIndex",
                table: "Acts");
        }
    }
}
