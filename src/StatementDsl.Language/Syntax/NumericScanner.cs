namespace StatementDsl.Language.Syntax;

/// <summary>Classifies one run of characters that starts with a digit: integer, date or time.</summary>
internal readonly struct NumericScanner
{
    private readonly string literal;

    public NumericScanner(string literal) => this.literal = literal;

    public bool Digits(int start, int count)
    {
        if (start + count > literal.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (literal[i] < '0' || literal[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    public bool TryInteger(out long value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (!Digits(0, literal.Length))
        {
            return false;
        }

        if (literal.Length > 18)
        {
            overflow = true;
            return true;
        }

        foreach (var c in literal)
        {
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>False when the literal is malformed; a non-null <paramref name="problem"/> when it is impossible.</summary>
    public bool TryDate(out DateLiteral? date, out string? problem)
    {
        date = null;
        problem = null;
        var year = Number(0, 4);
        int? month = null;
        int? day = null;
        TimeLiteral? time = null;
        var index = 4;
        if (index < literal.Length)
        {
            if (literal[index] != '-' || !Digits(index + 1, 2))
            {
                return false;
            }

            month = Number(index + 1, 2);
            index += 3;
        }

        if (index < literal.Length && literal[index] == '-')
        {
            if (!Digits(index + 1, 2))
            {
                return false;
            }

            day = Number(index + 1, 2);
            index += 3;
        }

        if (index < literal.Length)
        {
            if (literal[index] != 'T' || day is null)
            {
                return false;
            }

            time = TryTime(index + 1, out var end, out problem);
            if (time is null || end != literal.Length)
            {
                return false;
            }
        }

        date = new DateLiteral(year, month, day, time);
        if (year == 0)
        {
            problem = "there is no year 0000 in the calendar this language uses";
        }
        else if (month is < 1 or > 12)
        {
            problem = "a month is 01 to 12";
        }
        else if (day is int d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value)))
        {
            problem = string.Concat("that month has ", DateTime.DaysInMonth(year, month!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), " days");
        }

        return true;
    }

    /// <summary>Reads <c>hh:mm[:ss][Z|±hh:mm]</c> at <paramref name="start"/>; null when malformed.</summary>
    public TimeLiteral? TryTime(int start, out int end, out string? problem)
    {
        end = start;
        problem = null;
        if (!Digits(start, 2) || start + 2 >= literal.Length || literal[start + 2] != ':' || !Digits(start + 3, 2))
        {
            return null;
        }

        var hour = Number(start, 2);
        var minute = Number(start + 3, 2);
        int? second = null;
        var index = start + 5;
        if (index < literal.Length && literal[index] == ':')
        {
            if (!Digits(index + 1, 2))
            {
                return null;
            }

            second = Number(index + 1, 2);
            index += 3;
        }

        int? offset = null;
        if (index < literal.Length && literal[index] == 'Z')
        {
            offset = 0;
            index++;
        }
        else if (index < literal.Length && literal[index] is '+' or '-')
        {
            if (!Digits(index + 1, 2) || index + 3 >= literal.Length || literal[index + 3] != ':' || !Digits(index + 4, 2))
            {
                return null;
            }

            var offsetHours = Number(index + 1, 2);
            var offsetMinutes = Number(index + 4, 2);
            if (offsetHours > 14 || offsetMinutes > 59)
            {
                problem = "an offset is at most ±14:00";
            }

            offset = (literal[index] == '-' ? -1 : 1) * ((offsetHours * 60) + offsetMinutes);
            index += 6;
        }

        if (hour > 23)
        {
            problem = "an hour is 00 to 23";
        }
        else if (minute > 59)
        {
            problem = "a minute is 00 to 59";
        }
        else if (second > 59)
        {
            problem = "a second is 00 to 59";
        }

        end = index;
        return new TimeLiteral(hour, minute, second, offset);
    }

    private int Number(int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (literal[i] - '0');
        }

        return value;
    }
}
