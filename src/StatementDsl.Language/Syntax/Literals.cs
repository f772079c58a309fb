using System.Globalization;
using System.Text;
using StatementDsl.Dates;

namespace StatementDsl.Language.Syntax;

/// <summary>Which parts a date literal gives: a partial date is a value of its own, not a default day.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// <summary>A time of day with an optional offset (<c>10:30</c>, <c>10:30:15+03:00</c>).</summary>
public sealed record TimeLiteral(int Hour, int Minute, int? Second, int? OffsetMinutes)
{
    public override string ToString()
    {
        var builder = new StringBuilder(14);
        Append(builder, Hour);
        builder.Append(':');
        Append(builder, Minute);
        if (Second is int second)
        {
            builder.Append(':');
            Append(builder, second);
        }

        if (OffsetMinutes is int offset)
        {
            if (offset == 0)
            {
                builder.Append('Z');
            }
            else
            {
                builder.Append(offset < 0 ? '-' : '+');
                var magnitude = Math.Abs(offset);
                Append(builder, magnitude / 60);
                builder.Append(':');
                Append(builder, magnitude % 60);
            }
        }

        return builder.ToString();
    }

    internal static void Append(StringBuilder builder, int twoDigits) =>
        builder.Append(twoDigits.ToString("00", CultureInfo.InvariantCulture));
}

/// <summary>A proleptic Gregorian date of year, month or day precision, optionally with a time.</summary>
public sealed record DateLiteral(int Year, int? Month, int? Day, TimeLiteral? Time) : IComparable<DateLiteral>
{
    public DatePrecision Precision =>
        Time is { } time ? (time.Second is null ? DatePrecision.Minute : DatePrecision.Second)
        : Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The span of time the date names (LANGUAGE.md §2), for ordering and containment.</summary>
    internal DateSpan Span => DateSpan.Of(Year, Month, Day, Time?.Hour, Time?.Minute, Time?.Second, Time?.OffsetMinutes);

    /// <summary>The date part alone as ISO 8601 (<c>2016</c>, <c>2016-09</c>, <c>2016-09-25</c>).</summary>
    public string DateText
    {
        get
        {
            var text = Year.ToString("0000", CultureInfo.InvariantCulture);
            if (Month is int month)
            {
                text += "-" + month.ToString("00", CultureInfo.InvariantCulture);
            }

            if (Day is int day)
            {
                text += "-" + day.ToString("00", CultureInfo.InvariantCulture);
            }

            return text;
        }
    }

    /// <summary>True when the span this date names lies inside the span of <paramref name="outer"/> (STMT1009).</summary>
    public bool IsWithin(DateLiteral outer) => Span.IsWithin(outer.Span);

    /// <summary>True when this date's span ends before <paramref name="start"/>'s begins: an <c>until</c> before its <c>from</c> (STMT1015).</summary>
    public bool EndsBefore(DateLiteral start) => Span.EndsBefore(start.Span);

    /// <summary>The order of LANGUAGE.md §2, the runtime's <c>PartialDate</c> order: by the start of the span, the coarser first.</summary>
    public int CompareTo(DateLiteral? other) => other is null ? 1 : DateSpan.Compare(Span, other.Span);

    public override string ToString() => Time is null ? DateText : DateText + "T" + Time;
}
