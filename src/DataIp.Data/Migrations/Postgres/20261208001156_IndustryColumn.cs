using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataIp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndustryColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndustryCode",
                table: "Applications",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            // The copy of each stored content's industry (ApplicationRecord.SetContent makes it from
            // now on). The shape is checked here; a code of the right shape in the wrong section can
            // only be in a draft (submission refuses it), which neither search nor statistics read.
            migrationBuilder.Sql("""
                UPDATE "Applications" SET "IndustryCode" = "Content"::jsonb #>> '{dataObject,industryCode}' WHERE ("Content"::jsonb #>> '{dataObject,industryCode}') ~ '^[A-T][0-9]{2}$';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IndustryCode",
                table: "Applications");
        }
    }
}
