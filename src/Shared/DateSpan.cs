namespace StatementDsl.Dates;

/// <summary>
/// A date as the span of time it names (LANGUAGE.md §2): <c>2016</c> is the whole year,
/// <c>2016-09-25T15:00Z</c> one minute. Both the front end's literals and the runtime's
/// <c>PartialDate</c> compare through this one type, so the build, <c>stmt check</c>, the editor and
/// the validators order dates and test containment by the same rules (docs/language.md, "Dates").
/// Times are counted in seconds from 0001-01-01T00:00 as written; an offset, when given, turns that
/// local time into an instant.
/// </summary>
internal readonly struct DateSpan
{
    private const long SecondsPerDay = 86_400;

    private DateSpan(long start, long end, int? offsetMinutes, int precision)
    {
        Start = start;
        End = end;
        OffsetMinutes = offsetMinutes;
        Precision = precision;
    }

    /// <summary>The first second of the span, local time as written.</summary>
    public long Start { get; }

    /// <summary>The second after the span's last, local time as written.</summary>
    public long End { get; }

    public int? OffsetMinutes { get; }

    /// <summary>0 year, 1 month, 2 day, 3 minute, 4 second: coarser spans are smaller.</summary>
    public int Precision { get; }

    /// <summary>The span of a date whose parts are valid (the caller has checked them); a time needs a day.</summary>
    public static DateSpan Of(int year, int? month, int? day, int? hour, int? minute, int? second, int? offsetMinutes)
    {
        if (month is not int m)
        {
            return new DateSpan(DaysBefore(year, 1, 1) * SecondsPerDay, DaysBefore(year + 1, 1, 1) * SecondsPerDay, null, 0);
        }

        if (day is not int d)
        {
            var next = m == 12 ? DaysBefore(year + 1, 1, 1) : DaysBefore(year, m + 1, 1);
            return new DateSpan(DaysBefore(year, m, 1) * SecondsPerDay, next * SecondsPerDay, null, 1);
        }

        var dayStart = DaysBefore(year, m, d) * SecondsPerDay;
        if (hour is not int h)
        {
            return new DateSpan(dayStart, dayStart + SecondsPerDay, null, 2);
        }

        var start = dayStart + (h * 3600L) + ((minute ?? 0) * 60L) + (second ?? 0);
        return second is null
            ? new DateSpan(start, start + 60, offsetMinutes, 3)
            : new DateSpan(start, start + 1, offsetMinutes, 4);
    }

    /// <summary>
    /// The order of §2: by the start of the span (with an offset, the instant it names; without, as
    /// written), a coarser span first when the starts are equal, and a local time before an instant at
    /// the same point, so that the order is total and agrees with equality.
    /// </summary>
    public static int Compare(DateSpan left, DateSpan right)
    {
        var byStart = left.OrderingStart.CompareTo(right.OrderingStart);
        if (byStart != 0)
        {
            return byStart;
        }

        var byPrecision = left.Precision.CompareTo(right.Precision);
        return byPrecision != 0 ? byPrecision : (left.OffsetMinutes is not null).CompareTo(right.OffsetMinutes is not null);
    }

    /// <summary>True when every moment of this span lies inside <paramref name="outer"/> (STMT1009).</summary>
    public bool IsWithin(DateSpan outer)
    {
        var shift = ShiftTo(outer);
        var outerShift = outer.ShiftTo(this);
        return Start - shift >= outer.Start - outerShift && End - shift <= outer.End - outerShift;
    }

    /// <summary>True when this span ends before <paramref name="other"/> begins (an <c>until</c> before its <c>from</c>, STMT1015).</summary>
    public bool EndsBefore(DateSpan other) => End - ShiftTo(other) <= other.Start - other.ShiftTo(this);

    /// <summary>
    /// True when the span from the start of <paramref name="from"/> to the end of <paramref name="until"/>
    /// (an open end unbounded) shares a moment with <paramref name="date"/>: a membership covering a date (§4).
    /// </summary>
    public static bool Covers(DateSpan? from, DateSpan? until, DateSpan date) =>
        (from is not { } start || start.Start - start.ShiftTo(date) < date.End - date.ShiftTo(start))
        && (until is not { } end || date.Start - date.ShiftTo(end) < end.End - end.ShiftTo(date));

    /// <summary>With an offset, as the instant it names; without, as written.</summary>
    private long OrderingStart => Start - ((OffsetMinutes ?? 0) * 60L);

    /// <summary>
    /// What to subtract to compare with <paramref name="other"/>: two instants compare as instants; when
    /// either side is a local time or a calendar date, both compare as written, so a speech at 23:30+03:00
    /// lies within its meeting's day as the reader of the record sees it.
    /// </summary>
    private long ShiftTo(DateSpan other) =>
        OffsetMinutes is int offset && other.OffsetMinutes is not null ? offset * 60L : 0;

    /// <summary>Days from 0001-01-01 to the given day of the proleptic Gregorian calendar; month 1–12 (year + 1 allowed for the end of 9999).</summary>
    private static long DaysBefore(int year, int month, int day)
    {
        // Counted from March so that the leap day ends the year (H. Hinnant's days_from_civil).
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 306;
    }
}
