using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateCredential : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Credential",
                table: "Certificates",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IssuanceLogIndex",
                table: "Certificates",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Credential",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "IssuanceLogIndex",
                table: "Certificates");
        }
    }
}
