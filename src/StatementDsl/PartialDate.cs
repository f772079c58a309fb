using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace StatementDsl;

/// <summary>
/// A proleptic Gregorian date known to the year, the month or the day ("September 2016" is a value of
/// its own, not a default day). Ordered by year, then month, then day, a coarser date first.
/// </summary>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>, IComparable
{
    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "A year is 1 to 9999.");
        }

        if (month is < 1 or > 12 || (month is null && day is not null))
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A month is 1 to 12, and a day needs a month.");
        }

        if (day is int d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "No such day in that month.");
        }

        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");

    /// <summary>Reads <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; false for anything else or an impossible date.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        if (text is null || (text.Length != 4 && text.Length != 7 && text.Length != 10))
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || year == 0)
        {
            return false;
        }

        int? month = null;
        int? day = null;
        if (text.Length >= 7)
        {
            if (text[4] != '-' || !TryDigits(text, 5, 2, out var m) || m is < 1 or > 12)
            {
                return false;
            }

            month = m;
        }

        if (text.Length == 10)
        {
            if (text[7] != '-' || !TryDigits(text, 8, 2, out var d) || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
            {
                return false;
            }

            day = d;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>True when every day of this date lies within <paramref name="outer"/>.</summary>
    public bool IsWithin(PartialDate outer) =>
        Year == outer.Year && (outer.Month is null || Month == outer.Month) && (outer.Day is null || Day == outer.Day);

    public int CompareTo(PartialDate other)
    {
        var byYear = Year.CompareTo(other.Year);
        if (byYear != 0)
        {
            return byYear;
        }

        var byMonth = (Month ?? 0).CompareTo(other.Month ?? 0);
        return byMonth != 0 ? byMonth : (Day ?? 0).CompareTo(other.Day ?? 0);
    }

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        PartialDate other => CompareTo(other),
        _ => throw new ArgumentException("Not a PartialDate.", nameof(obj)),
    };

    public bool Equals(PartialDate other) => Year == other.Year && Month == other.Month && Day == other.Day;

    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Year, Month, Day);

    /// <summary>ISO 8601: <c>2016</c>, <c>2016-09</c> or <c>2016-09-25</c>.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("0000", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}-{Day:00}"),
    };

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
