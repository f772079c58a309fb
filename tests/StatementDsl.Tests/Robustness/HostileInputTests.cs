using System.Text;
using StatementDsl.Language;
using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Formatting;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Tests.Robustness;

/// <summary>
/// Each class of hostile input from docs/security.md, sized to run in seconds: it finishes, gives
/// a bounded number of diagnostics inside the text, and never throws.
/// </summary>
public class HostileInputTests
{
    private static IReadOnlyList<Diagnostic> Check(string text)
    {
        var file = Parser.Parse(new SourceFile("hostile.stmt", text));
        var bound = Binder.Bind([file]);
        var diagnostics = bound.Diagnostics.ToList();
        Assert.InRange(diagnostics.Count, 0, (2 * Limits.MaxDiagnosticsPerFile) + 2);
        Assert.All(diagnostics, d => Assert.InRange(d.Location.Span.End, d.Location.Span.Start, text.Length));
        Formatter.Format(file);
        return diagnostics;
    }

    [Fact]
    public void A_10_MB_file_of_valid_records_binds_cleanly()
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < 10_000_000; i++)
        {
            builder.Append("person p").Append(i).Append(" { name: \"شخص رقم ").Append(i).Append("\"  role: \"مندوب\"  for: org0 }\n");
        }

        builder.Append("org org0 { name: \"x\" }\n");
        Assert.Empty(Check(builder.ToString()));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_STMT9001_and_not_read()
    {
        var diagnostics = Check(new string('a', Limits.MaxFileLength + 1));
        Assert.Equal("STMT9001", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void A_five_million_character_string_is_one_value()
    {
        var value = new string('ع', 5_000_000);
        var compilation = TestText.Compile($"person a {{ name: \"{value}\" }}");
        Assert.Empty(compilation.Diagnostics);
        Assert.Equal(value, ((TextValue)compilation.EntitiesById["a"].Field("name")?.Value!).Text);
    }

    [Fact]
    public void A_one_megabyte_identifier_is_STMT9001()
    {
        var id = new string('x', 1_000_000);
        var diagnostics = Check($"person {id} {{ name: \"a\" }}\nstatement s {{ by: {id}y  date: 2016 }}");
        Assert.Contains(diagnostics, d => d.Id == "STMT9001");
        Assert.Contains(diagnostics, d => d.Id == "STMT1003");
    }

    [Fact]
    public void A_megabyte_of_garbage_gives_a_capped_list_of_diagnostics()
    {
        var random = new Random(42);
        var garbage = new StringBuilder();
        while (garbage.Length < 1_000_000)
        {
            garbage.Append("#$%^&*()!?~`|<>;=".AsSpan(random.Next(17), 1));
            if (random.Next(60) == 0)
            {
                garbage.Append('\n');
            }
        }

        var diagnostics = Check(garbage.ToString());
        Assert.Equal(Limits.MaxDiagnosticsPerFile + 1, diagnostics.Count);
        Assert.Equal("STMT9001", diagnostics[^1].Id);
    }

    [Fact]
    public void Random_bytes_and_invalid_utf8_are_STMT0007_not_a_crash()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        var text = new UTF8Encoding(false, false).GetString(bytes);
        Assert.Contains(Check(text), d => d.Id == "STMT0007");
    }

    [Theory]
    [InlineData("meeting m {", "}")]
    [InlineData("meeting m { agenda: [", "] }")]
    [InlineData("[", "]")]
    public void A_hundred_thousand_nested_levels_give_a_diagnostic_not_a_stack_overflow(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 100_000)) + string.Concat(Enumerable.Repeat(close, 100_000));
        Check(text);
        var unclosed = string.Concat(Enumerable.Repeat(open, 100_000));
        Check(unclosed);
    }

    [Fact]
    public void Deep_nesting_is_reported_as_STMT9001()
    {
        var text = string.Concat(Enumerable.Repeat("meeting m { agenda: ", 1)) + new string('[', 1000) + new string(']', 1000) + " }";
        Assert.Contains(Check(text), d => d.Id == "STMT9001");
    }

    [Fact]
    public void Many_unknown_references_stay_linear()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("person p").Append(i).Append(" { name: \"x\" }\n");
        }

        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("statement s").Append(i).Append(" { by: q").Append(i).Append("  date: 2016 }\n");
        }

        var diagnostics = Check(builder.ToString());
        Assert.Equal(Limits.MaxDiagnosticsPerFile + 1, diagnostics.Count);
    }

    [Fact]
    public void A_cancelled_parse_stops_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Parser.Parse(new SourceFile("c.stmt", "person a { name: \"x\" }"), cancelled.Token));
        var file = Parser.Parse(new SourceFile("c.stmt", "person a { name: \"x\" }"));
        Assert.ThrowsAny<OperationCanceledException>(() => Binder.Bind([file], cancelled.Token));
    }
}
