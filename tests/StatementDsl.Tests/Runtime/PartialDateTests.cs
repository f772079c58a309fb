using System.Globalization;
using CsCheck;
using StatementDsl.Tests.Properties;

namespace StatementDsl.Tests.Runtime;

public class PartialDateTests
{
    /// <summary>Every form of LANGUAGE.md §2 that the parser writes back as given.</summary>
    private static readonly Gen<string> DateText = Gen.OneOf(
        Gen.Int[1, 9999].Select(y => y.ToString("0000", CultureInfo.InvariantCulture)),
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12], (y, m) => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}")),
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12], Gen.Int[1, 31], (y, m, d) => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}-{Math.Min(d, DateTime.DaysInMonth(y, m)):00}")),
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12], Gen.Int[1, 28], Documents.Time, (y, m, d, t) => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}-{d:00}T{t}")));

    /// <summary>A date-time with an offset, on days close enough that the offsets matter.</summary>
    private static readonly Gen<string> Instant = Gen.Select(Gen.Int[24, 26], Documents.Time.Where(t => t.EndsWith('Z') || (t.Length > 6 && t[^6] is '+' or '-')),
        (d, t) => string.Create(CultureInfo.InvariantCulture, $"2016-09-{d:00}T{t}"));

    [Theory]
    [InlineData("2016", DatePrecision.Year)]
    [InlineData("2016-09", DatePrecision.Month)]
    [InlineData("2016-09-25", DatePrecision.Day)]
    [InlineData("0001-01-01", DatePrecision.Day)]
    [InlineData("2016-09-25T14:32Z", DatePrecision.Minute)]
    [InlineData("2016-09-25T22:10:05+03:00", DatePrecision.Second)]
    [InlineData("2016-09-30T23:59:59-04:30", DatePrecision.Second)]
    [InlineData("2016-09-25T09:00", DatePrecision.Minute)]
    [InlineData("9999-12-31T23:59:59+14:00", DatePrecision.Second)]
    public void Iso_round_trip(string text, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
        Assert.Equal(date, PartialDate.Parse(date.ToString()));
    }

    [Fact]
    public void Parse_then_ToString_then_parse_gives_the_same_text_and_value() =>
        DateText.Sample(text =>
        {
            var date = PartialDate.Parse(text);
            Assert.Equal(text, date.ToString());
            Assert.Equal(date, PartialDate.Parse(date.ToString()));
            Assert.Equal(date.GetHashCode(), PartialDate.Parse(date.ToString()).GetHashCode());
        }, iter: FrontEndProperties.Iterations(2000));

    [Fact]
    public void A_date_time_exposes_its_parts()
    {
        var date = PartialDate.Parse("2016-09-25T22:10:05+03:00");
        Assert.Equal((2016, 9, 25, 22, 10, 5), (date.Year, date.Month, date.Day, date.Hour, date.Minute, date.Second));
        Assert.Equal(TimeSpan.FromHours(3), date.Offset);
        var local = PartialDate.Parse("2016-09-25T09:00");
        Assert.Null(local.Offset);
        Assert.Null(local.Second);
        Assert.Null(PartialDate.Parse("2016-09-25").Hour);
        Assert.Equal("2016-09-25T15:00Z", new PartialDate(2016, 9, 25, 15, 0, offset: TimeSpan.Zero).ToString());
    }

    [Theory]
    [InlineData("2016-02-30")]
    [InlineData("2016-13")]
    [InlineData("0000")]
    [InlineData("16-09-25")]
    [InlineData("2016-9-25")]
    [InlineData("2016-09-25T24:00")]
    [InlineData("2016-09-25T10:60")]
    [InlineData("2016-09-25T10:00:60")]
    [InlineData("2016-09-25T10:00+15:00")]
    [InlineData("2016-09-25T10:00+03")]
    [InlineData("2016-09-25T10")]
    [InlineData("2016-09T10:00")]
    [InlineData("2016-09-25T10:00Zjunk")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_text_does_not_parse(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
    }

    [Fact]
    public void Ordering_puts_coarser_dates_first_within_their_span()
    {
        var dates = new[] { "2016-09-25", "2016", "2015-12-31", "2016-09", "2016-10", "2016-09-25T00:00", "2016-09-24T23:59:59" }
            .Select(PartialDate.Parse).Order().Select(d => d.ToString());
        Assert.Equal(new[] { "2015-12-31", "2016", "2016-09", "2016-09-24T23:59:59", "2016-09-25", "2016-09-25T00:00", "2016-10" }, dates);
        Assert.True(PartialDate.Parse("2016-09") < PartialDate.Parse("2016-09-01"));
        Assert.True(PartialDate.Parse("2017") >= PartialDate.Parse("2016-12-31"));
        Assert.True(PartialDate.Parse("2016-09-25").IsWithin(PartialDate.Parse("2016-09")));
    }

    [Fact]
    public void Instants_with_offsets_compare_as_instants()
    {
        Assert.Equal(PartialDate.Parse("2016-09-25T12:00Z"), PartialDate.Parse("2016-09-25T15:00+03:00"));
        Assert.Equal(PartialDate.Parse("2016-09-25T12:00Z").GetHashCode(), PartialDate.Parse("2016-09-25T15:00+03:00").GetHashCode());
        Assert.True(PartialDate.Parse("2016-09-25T22:10+03:00") < PartialDate.Parse("2016-09-25T20:00Z"));

        // Different precision is a different span, even at the same instant; a local time is not an instant.
        Assert.NotEqual(PartialDate.Parse("2016-09-25T12:00Z"), PartialDate.Parse("2016-09-25T12:00:00Z"));
        Assert.NotEqual(PartialDate.Parse("2016-09-25T12:00"), PartialDate.Parse("2016-09-25T12:00Z"));
        Assert.True(PartialDate.Parse("2016-09-25T12:00") < PartialDate.Parse("2016-09-25T12:00Z"));
    }

    [Fact]
    public void Ordering_of_instants_agrees_with_DateTimeOffset() =>
        Gen.Select(Instant, Instant)
            .Sample((a, b) =>
            {
                var expected = DateTimeOffset.Parse(a, CultureInfo.InvariantCulture).CompareTo(DateTimeOffset.Parse(b, CultureInfo.InvariantCulture));
                var actual = PartialDate.Parse(a).CompareTo(PartialDate.Parse(b));
                if (expected != 0)
                {
                    Assert.Equal(Math.Sign(expected), Math.Sign(actual));
                }
            }, iter: FrontEndProperties.Iterations(1000));

    [Fact]
    public void Ordering_is_a_total_order_consistent_with_equality() =>
        Gen.Select(DateText, DateText, DateText).Sample((a, b, c) =>
        {
            var (x, y, z) = (PartialDate.Parse(a), PartialDate.Parse(b), PartialDate.Parse(c));
            Assert.Equal(Math.Sign(x.CompareTo(y)), -Math.Sign(y.CompareTo(x)));
            Assert.Equal(x.CompareTo(y) == 0, x.Equals(y));
            if (x <= y && y <= z)
            {
                Assert.True(x <= z);
            }
        }, iter: FrontEndProperties.Iterations(2000));

    [Theory]
    [InlineData("2016-09-25T22:10:05+03:00", "2016-09-25", true)]
    [InlineData("2016-09-26T01:00+03:00", "2016-09-26", true)]
    [InlineData("2016-09-25T23:59", "2016-09", true)]
    [InlineData("2016-09-25T12:00Z", "2016-09-25T15:00+03:00", true)]
    [InlineData("2016-09-25T12:00:30Z", "2016-09-25T15:00+03:00", true)]
    [InlineData("2016-09-25T12:01Z", "2016-09-25T15:00+03:00", false)]
    [InlineData("2016-09-26T00:00", "2016-09-25", false)]
    [InlineData("2016-09", "2016-09-25", false)]
    [InlineData("2016", "2016", true)]
    public void Within_means_the_span_lies_inside(string inner, string outer, bool within) =>
        Assert.Equal(within, PartialDate.Parse(inner).IsWithin(PartialDate.Parse(outer)));

    [Fact]
    public void Impossible_dates_cannot_be_constructed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2015, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2016, null, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2016, 9, 25, 24, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2016, 9, 25, 10, 0, offset: TimeSpan.FromHours(15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2016, 9, 25, 10, 0, offset: TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void The_default_date_has_no_parts_beyond_its_year() =>
        Assert.Equal(DatePrecision.Year, default(PartialDate).Precision);
}
