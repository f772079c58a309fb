using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using StatementDsl.Dates;

namespace StatementDsl;

/// <summary>
/// A proleptic Gregorian date known to the year, the month or the day, optionally with a time to the
/// minute or the second and an offset from UTC (LANGUAGE.md §2): "September 2016" is a value of its
/// own, not a default day, and <c>2016-09-25T15:00Z</c> is one minute. Each date is a span: dates
/// order by the start of their spans (with an offset, as the instant it names; without, as written),
/// a coarser date first when the starts are equal, so <c>2016-09-25T12:00Z</c> equals
/// <c>2016-09-25T15:00+03:00</c> and <c>2016-09</c> sorts before <c>2016-09-01</c>.
/// </summary>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>, IComparable
{
    private const int MaxOffsetMinutes = 14 * 60;

    // Kept in 10 bytes rather than seven nullable fields (a corpus holds tens of thousands of dates);
    // a part the date does not give is 0, so the time's parts are stored plus one and default(PartialDate) gives none.
    private readonly short year;
    private readonly byte month;
    private readonly byte day;
    private readonly byte hourPlusOne;
    private readonly byte minutePlusOne;
    private readonly byte secondPlusOne;
    private readonly bool hasOffset;
    private readonly short offsetMinutes;

    public PartialDate(int year, int? month = null, int? day = null)
        : this(year, month, day, null, null, null, null)
    {
    }

    /// <summary>A date with a time to the minute, or to the second when <paramref name="second"/> is given, and an optional offset from UTC in whole minutes.</summary>
    public PartialDate(int year, int month, int day, int hour, int minute, int? second = null, TimeSpan? offset = null)
        : this(year, (int?)month, (int?)day, (int?)hour, (int?)minute, second, offset)
    {
    }

    private PartialDate(int year, int? month, int? day, int? hour, int? minute, int? second, TimeSpan? offset)
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

        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            throw new ArgumentOutOfRangeException(nameof(hour), hour, "A time is 00:00 to 23:59:59.");
        }

        if (offset is { } o && (o.Ticks % TimeSpan.TicksPerMinute != 0 || Math.Abs(o.TotalMinutes) > MaxOffsetMinutes))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "An offset is whole minutes, at most ±14:00.");
        }

        this.year = (short)year;
        this.month = (byte)(month ?? 0);
        this.day = (byte)(day ?? 0);
        hourPlusOne = (byte)(hour + 1 ?? 0);
        minutePlusOne = (byte)(minute + 1 ?? 0);
        secondPlusOne = (byte)(second + 1 ?? 0);
        hasOffset = offset is not null;
        offsetMinutes = (short)(offset?.TotalMinutes ?? 0);
    }

    public int Year => year;

    public int? Month => month == 0 ? null : month;

    public int? Day => day == 0 ? null : day;

    public int? Hour => hourPlusOne == 0 ? null : hourPlusOne - 1;

    public int? Minute => minutePlusOne == 0 ? null : minutePlusOne - 1;

    public int? Second => secondPlusOne == 0 ? null : secondPlusOne - 1;

    /// <summary>The offset from UTC the date was written with; null for a local time or a date without a time.</summary>
    public TimeSpan? Offset => hasOffset ? TimeSpan.FromMinutes(offsetMinutes) : null;

    public DatePrecision Precision =>
        secondPlusOne != 0 ? DatePrecision.Second
        : minutePlusOne != 0 ? DatePrecision.Minute
        : day != 0 ? DatePrecision.Day
        : month != 0 ? DatePrecision.Month
        : DatePrecision.Year;

    /// <summary>The span of time the date names, shared with the front end's rules; default(PartialDate) is year 0's instant 0.</summary>
    internal DateSpan Span =>
        year == 0 ? default : DateSpan.Of(year, Month, Day, Hour, Minute, Second, hasOffset ? offsetMinutes : null);

    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm].");

    /// <summary>
    /// Reads <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>, or a day followed by <c>Thh:mm</c>, an optional
    /// <c>:ss</c> and an optional offset <c>Z</c> or <c>±hh:mm</c>; false for anything else or an impossible date.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        if (text is null || text.Length < 4 || !TryDigits(text, 0, 4, out var y) || y == 0)
        {
            return false;
        }

        int? m = null, d = null, h = null, min = null, s = null;
        TimeSpan? offset = null;
        var index = 4;
        if (index < text.Length)
        {
            if (!TryPart(text, ref index, '-', out var monthValue) || monthValue is < 1 or > 12)
            {
                return false;
            }

            m = monthValue;
        }

        if (index < text.Length)
        {
            if (!TryPart(text, ref index, '-', out var dayValue) || dayValue < 1 || dayValue > DateTime.DaysInMonth(y, m!.Value))
            {
                return false;
            }

            d = dayValue;
        }

        if (index < text.Length)
        {
            if (d is null || !TryPart(text, ref index, 'T', out var hourValue) || !TryPart(text, ref index, ':', out var minuteValue)
                || hourValue > 23 || minuteValue > 59)
            {
                return false;
            }

            (h, min) = (hourValue, minuteValue);
            if (index < text.Length && text[index] == ':')
            {
                if (!TryPart(text, ref index, ':', out var secondValue) || secondValue > 59)
                {
                    return false;
                }

                s = secondValue;
            }

            if (index < text.Length && !TryOffset(text, ref index, out offset))
            {
                return false;
            }
        }

        if (index != text.Length)
        {
            return false;
        }

        date = new PartialDate(y, m, d, h, min, s, offset);
        return true;
    }

    /// <summary>True when the span this date names lies inside the span of <paramref name="outer"/>: <c>2016-09-25T22:10+03:00</c> is within <c>2016-09-25</c>.</summary>
    public bool IsWithin(PartialDate outer) => Span.IsWithin(outer.Span);

    public int CompareTo(PartialDate other) => DateSpan.Compare(Span, other.Span);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        PartialDate other => CompareTo(other),
        _ => throw new ArgumentException("Not a PartialDate.", nameof(obj)),
    };

    /// <summary>Equal when both name the same span at the same precision, instants compared as instants.</summary>
    public bool Equals(PartialDate other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    public override int GetHashCode()
    {
        var span = Span;
        return HashCode.Combine(span.Start - ((span.OffsetMinutes ?? 0) * 60L), span.Precision, span.OffsetMinutes is null);
    }

    /// <summary>ISO 8601 as written: <c>2016</c>, <c>2016-09</c>, <c>2016-09-25</c>, <c>2016-09-25T15:00Z</c>, <c>2016-09-30T23:59:59+03:00</c>.</summary>
    public override string ToString()
    {
        var text = Precision switch
        {
            DatePrecision.Year => Year.ToString("0000", CultureInfo.InvariantCulture),
            DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}"),
            DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}-{Day:00}"),
            DatePrecision.Minute => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}-{Day:00}T{Hour:00}:{Minute:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}-{Day:00}T{Hour:00}:{Minute:00}:{Second:00}"),
        };
        if (!hasOffset)
        {
            return text;
        }

        if (offsetMinutes == 0)
        {
            return text + "Z";
        }

        var magnitude = Math.Abs((int)offsetMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{text}{(offsetMinutes < 0 ? '-' : '+')}{magnitude / 60:00}:{magnitude % 60:00}");
    }

    /// <summary>Reads <paramref name="separator"/> and two digits at <paramref name="index"/>, moving past them.</summary>
    private static bool TryPart(string text, ref int index, char separator, out int value)
    {
        value = 0;
        if (index + 3 > text.Length || text[index] != separator || !TryDigits(text, index + 1, 2, out value))
        {
            return false;
        }

        index += 3;
        return true;
    }

    private static bool TryOffset(string text, ref int index, out TimeSpan? offset)
    {
        offset = null;
        if (text[index] == 'Z')
        {
            offset = TimeSpan.Zero;
            index++;
            return true;
        }

        if (text[index] is not ('+' or '-') || index + 6 > text.Length || !TryDigits(text, index + 1, 2, out var hours)
            || text[index + 3] != ':' || !TryDigits(text, index + 4, 2, out var minutes) || minutes > 59 || (hours * 60) + minutes > MaxOffsetMinutes)
        {
            return false;
        }

        offset = TimeSpan.FromMinutes((text[index] == '-' ? -1 : 1) * ((hours * 60) + minutes));
        index += 6;
        return true;
    }

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
