using System.Text.Json.Nodes;
using StatementDsl.Language.Formatting;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;
using StatementDsl.Tests.Cli;
using StatementDsl.Tests.Generator;

namespace StatementDsl.Tests.Language;

/// <summary>Dates with times (LANGUAGE.md §2) in every field that takes a date, from the front end to the records.</summary>
public class DateTimeTests
{
    private const string Records = """
        transcript times { published: 2016-09-26T08:00+03:00 }
        person rycroft { name: "Matthew Rycroft" }
        meeting evening { date: 2016-09-25
          speech late { by: rycroft  date: 2016-09-25T22:10:05+03:00 }
          speech utc { by: rycroft  date: 2016-09-25T14:32Z }
        }
        statement post { by: rycroft  date: 2016-09-25T15:00Z }
        statement local { by: rycroft  date: 2016-09-25T09:30 }
        """;

    [Theory]
    [InlineData("2016")]
    [InlineData("2016-09")]
    [InlineData("2016-09-25")]
    [InlineData("2016-09-25T14:32")]
    [InlineData("2016-09-25T14:32Z")]
    [InlineData("2016-09-25T22:10:05+03:00")]
    [InlineData("2016-09-25T22:10:05-04:30")]
    public void Every_date_field_takes_every_form(string date)
    {
        var text = $$"""
            transcript t { published: {{date}} }
            person p { name: "x" }
            meeting m { date: {{date}}
              speech s { by: p  date: {{date}} }
            }
            statement st { by: p  date: {{date}} }
            """;
        Assert.Empty(TestText.Diagnostics(text));
    }

    [Fact]
    public void A_speech_late_in_the_evening_lies_within_its_meeting_day()
    {
        Assert.Empty(TestText.Diagnostics(Records));
        Assert.Equal(new[] { "STMT1009(2,53)" }, TestText.Diagnostics("person p { name: \"x\" }\nmeeting m { date: 2016-09-25 speech s { by: p date: 2016-09-26T00:10+03:00 } }"));
        var message = TestText.Single("person p { name: \"x\" }\nmeeting m { date: 2016-09-25T10:00Z speech s { by: p date: 2016-09-25T10:01Z } }", "STMT1009").Message;
        Assert.Equal("Speech 's' is dated 2016-09-25T10:01Z, outside its meeting's date 2016-09-25T10:00Z", message);
    }

    [Fact]
    public void A_time_on_a_month_or_year_is_malformed_not_a_type_error()
    {
        Assert.Equal(new[] { "STMT0005(1,19)" }, TestText.Diagnostics("meeting m { date: 2016-09T10:00 }"));
        Assert.Equal(new[] { "STMT1005(1,19)" }, TestText.Diagnostics("meeting m { date: 2016-09-25T24:00 }"));
    }

    [Fact]
    public void The_formatter_keeps_date_times_as_written()
    {
        var formatted = Formatter.Format(Parser.Parse(new SourceFile("t.stmt", Records)))!;
        Assert.Contains("date: 2016-09-25T22:10:05+03:00", formatted, StringComparison.Ordinal);
        Assert.Contains("published: 2016-09-26T08:00+03:00", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, Formatter.Format(Parser.Parse(new SourceFile("t.stmt", formatted))));
    }

    [Fact]
    public void The_JSON_export_carries_date_times()
    {
        var directory = Directory.CreateTempSubdirectory("stmt-times-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "times.stmt"), Records);
            var (code, output, error) = CliRunner.Run(["export", "--to", "json", directory.FullName]);
            Assert.True(code == 0, error);
            var document = JsonNode.Parse(output)!;
            var speeches = document["meetings"]![0]!["speeches"]!.AsArray();
            Assert.Equal("2016-09-25T22:10:05+03:00", speeches[0]!["date"]!.GetValue<string>());
            Assert.Equal("2016-09-25T14:32Z", speeches[1]!["date"]!.GetValue<string>());
            Assert.Equal("2016-09-25T09:30", document["statements"]![1]!["date"]!.GetValue<string>());
            Formatting.ExportTests.AssertValid(document);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Generated_records_give_precision_hour_and_offset()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.File("times.stmt", Records));
        var late = (Speech)GeneratorHarness.Property(assembly, "Times", "Late")!;
        Assert.Equal(DatePrecision.Second, late.Date!.Value.Precision);
        Assert.Equal((22, 10, 5), (late.Date.Value.Hour, late.Date.Value.Minute, late.Date.Value.Second));
        Assert.Equal(TimeSpan.FromHours(3), late.Date.Value.Offset);
        Assert.Equal("2016-09-25T22:10:05+03:00", late.Date.Value.ToString());
        var post = (Statement)GeneratorHarness.Property(assembly, "Times", "Post")!;
        Assert.Equal(DatePrecision.Minute, post.Date!.Value.Precision);
        Assert.Equal(TimeSpan.Zero, post.Date.Value.Offset);
        var local = (Statement)GeneratorHarness.Property(assembly, "Times", "Local")!;
        Assert.Null(local.Date!.Value.Offset);
        Assert.True(local.Date < post.Date);
        var transcript = (Transcript)assembly.GetType("Sample.Times")!.GetProperty("Transcript")!.GetValue(null)!;
        Assert.Equal(new PartialDate(2016, 9, 26, 5, 0, offset: TimeSpan.Zero), transcript.Published);
        Assert.Empty(StatementValidator.Validate(late.Meeting!));
    }
}
