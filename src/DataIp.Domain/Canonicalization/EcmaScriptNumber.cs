using System.Globalization;

namespace DataIp.Domain.Canonicalization;

/// <summary>
/// ECMAScript's Number::toString(x) (ECMA-262 §6.1.6.1.20, which RFC 8785 §3.2.2.3 adopts): the
/// shortest decimal digits that read back as the same double, written without an exponent for
/// 1e-7 &lt; |x| &lt; 1e21 and as d.ddde±n otherwise; −0 is "0".
/// </summary>
internal static class EcmaScriptNumber
{
    /// <summary>Formats a finite double.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity, which JSON cannot hold.</exception>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity.");
        }

        if (value == 0)
        {
            return "0";
        }

        // "R" gives the shortest digits that round-trip, choosing the closest such digits (.NET Core
        // 3.0 and later), as ECMAScript does; only its layout differs, so take it apart.
        var (digits, n) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var text = Layout(digits, n);
        return value < 0 ? "-" + text : text;
    }

    /// <summary>Splits .NET's text into s (digits, no leading or trailing zeros) and n such that the
    /// value is 0.s × 10^n, the k, s, n of ECMA-262.</summary>
    private static (string Digits, int N) Decompose(string text)
    {
        var mantissa = text.AsSpan();
        var exponent = 0;
        var e = mantissa.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(mantissa[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = mantissa[..e];
        }

        var dot = mantissa.IndexOf('.');
        var digits = dot >= 0 ? string.Concat(mantissa[..dot], mantissa[(dot + 1)..]) : mantissa.ToString();
        var point = dot >= 0 ? dot : mantissa.Length;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        return (digits[leadingZeros..].TrimEnd('0'), point - leadingZeros + exponent);
    }

    /// <summary>ECMA-262 Number::toString steps for s of k digits and exponent n.</summary>
    private static string Layout(string digits, int n)
    {
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return string.Concat(digits.AsSpan(0, n), ".", digits.AsSpan(n));
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var sign = exponent >= 0 ? "+" : "-";
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return k == 1
            ? digits + "e" + sign + magnitude
            : string.Concat(digits.AsSpan(0, 1), ".", digits.AsSpan(1)) + "e" + sign + magnitude;
    }
}
