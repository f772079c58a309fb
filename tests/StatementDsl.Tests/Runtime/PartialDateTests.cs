namespace StatementDsl.Tests.Runtime;

public class PartialDateTests
{
    [Theory]
    [InlineData("2016", DatePrecision.Year)]
    [InlineData("2016-09", DatePrecision.Month)]
    [InlineData("2016-09-25", DatePrecision.Day)]
    [InlineData("0001-01-01", DatePrecision.Day)]
    public void Iso_round_trip(string text, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
        Assert.Equal(date, PartialDate.Parse(date.ToString()));
    }

    [Theory]
    [InlineData("2016-02-30")]
    [InlineData("2016-13")]
    [InlineData("0000")]
    [InlineData("16-09-25")]
    [InlineData("2016-9-25")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_text_does_not_parse(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
    }

    [Fact]
    public void Ordering_puts_coarser_dates_first_within_their_span()
    {
        var dates = new[] { "2016-09-25", "2016", "2015-12-31", "2016-09", "2016-10" }.Select(PartialDate.Parse).Order().Select(d => d.ToString());
        Assert.Equal(new[] { "2015-12-31", "2016", "2016-09", "2016-09-25", "2016-10" }, dates);
        Assert.True(PartialDate.Parse("2016-09") < PartialDate.Parse("2016-09-01"));
        Assert.True(PartialDate.Parse("2017") >= PartialDate.Parse("2016-12-31"));
        Assert.True(PartialDate.Parse("2016-09-25").IsWithin(PartialDate.Parse("2016-09")));
    }

    [Fact]
    public void Impossible_dates_cannot_be_constructed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2015, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2016, null, 1));
    }
}
