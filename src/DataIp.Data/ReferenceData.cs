using DataIp.Data.Bodies;
using DataIp.Data.Calendar;
using DataIp.Domain.Calendar;
using DataIp.Domain.Registration;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data;

/// <summary>
/// The reference data a new register starts with: the 17 pilot registration bodies of DOMAIN §1
/// and the shipped working-day calendars. Idempotent: only what is missing is added, so an
/// administrator's later edits are never overwritten.
/// </summary>
public static class ReferenceData
{
    /// <summary>The pilot regions (GB/T 2260 code, Chinese name, English name, policy).</summary>
    public static IReadOnlyList<(string RegionCode, string Name, string NameEn, BodyPolicy Policy)> PilotBodies { get; } =
    [
        // 2022 batch.
        ("110000", "北京市知识产权局", "Beijing Intellectual Property Office", BodyPolicy.Default),
        ("310000", "上海市知识产权局", "Shanghai Intellectual Property Administration",
            BodyPolicy.Default with { NoticeLength = 15, NoticeUnit = PeriodUnit.CalendarDays, SubstantiveExamination = true }),
        ("320000", "江苏省知识产权局", "Jiangsu Intellectual Property Office", BodyPolicy.Default),
        ("330000", "浙江省知识产权局", "Zhejiang Intellectual Property Office", BodyPolicy.Default),
        ("350000", "福建省知识产权局", "Fujian Intellectual Property Office", BodyPolicy.Default),
        ("370000", "山东省知识产权局", "Shandong Intellectual Property Office", BodyPolicy.Default),
        ("440000", "广东省知识产权局", "Guangdong Intellectual Property Office", BodyPolicy.Default),
        ("440300", "深圳市市场监督管理局（知识产权局）", "Shenzhen Administration for Market Regulation (Intellectual Property Office)", BodyPolicy.Default),

        // 2023 batch.
        ("120000", "天津市知识产权局", "Tianjin Intellectual Property Office", BodyPolicy.Default),
        ("130000", "河北省知识产权局", "Hebei Intellectual Property Office", BodyPolicy.Default),
        ("140000", "山西省知识产权局", "Shanxi Intellectual Property Office", BodyPolicy.Default),
        ("340000", "安徽省知识产权局", "Anhui Intellectual Property Office", BodyPolicy.Default),
        ("410000", "河南省知识产权局", "Henan Intellectual Property Office", BodyPolicy.Default),
        ("420000", "湖北省知识产权局", "Hubei Intellectual Property Office", BodyPolicy.Default),
        ("430000", "湖南省知识产权局", "Hunan Intellectual Property Office", BodyPolicy.Default),
        ("520000", "贵州省知识产权局", "Guizhou Intellectual Property Office", BodyPolicy.Default),
        ("610000", "陕西省知识产权局", "Shaanxi Intellectual Property Office", BodyPolicy.Default),
    ];

    /// <summary>Adds the pilot bodies and shipped calendar years that are missing.</summary>
    public static async Task SeedAsync(RegistryDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = await db.Bodies.Select(b => b.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (regionCode, name, nameEn, policy) in PilotBodies)
        {
            var code = Domain.Numbering.BodyCode.FromRegionCode(regionCode);
            if (!codes.Contains(code))
            {
                db.Bodies.Add(new RegistrationBody
                {
                    Code = code,
                    RegionCode = regionCode,
                    Name = name,
                    NameEn = nameEn,
                    Policy = policy,
                    CreatedAt = now,
                });
            }
        }

        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var year in ShippedCalendars.All.Where(y => !years.Contains(y.Year)))
        {
            db.CalendarYears.Add(ToRecord(year, "国务院办公厅关于" + year.Year + "年部分节假日安排的通知 (shipped with the platform)", null, now));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored form of a calendar year.</summary>
    public static CalendarYearRecord ToRecord(CalendarYear year, string source, Guid? enteredBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new CalendarYearRecord
        {
            Year = year.Year,
            Source = source,
            EnteredById = enteredBy,
            EnteredAt = now,
            Days = [.. year.Days.Select(d => new CalendarDayRecord { Date = d.Date, Year = year.Year, Kind = d.Kind, Name = d.Name })],
        };
    }
}
