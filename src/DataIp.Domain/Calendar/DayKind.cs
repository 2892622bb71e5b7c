namespace DataIp.Domain.Calendar;

/// <summary>
/// What the State Council's yearly holiday notice says about one date (DOMAIN §5). Dates the notice
/// does not mention follow the ordinary week: Monday to Friday work, Saturday and Sunday rest.
/// </summary>
public enum DayKind
{
    /// <summary>A day off under the notice (放假). It may fall on a weekend; that changes nothing.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday made a working day (调休上班). Never a weekday.</summary>
    ExtraWorkingDay,
}
