extern alias generator;

using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using StatementDsl.Tests.Generator;
using StatementDsl.Tests.Properties;

namespace StatementDsl.Tests.Robustness;

/// <summary>Generated code stays compilable and safe at scale: long chains, cycles, huge meetings, cancellation.</summary>
public class GeneratedCodeScaleTests
{
    [Fact]
    public void A_chain_of_10000_organizations_resolves_without_recursion()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            builder.Append("org o").Append(i).Append(" { name: \"o").Append(i).Append("\"  parent: o").Append((i + 1) % 10_000).Append(" }\n");
        }

        var assembly = GeneratorHarness.Load(GeneratorHarness.File("chain.stmt", builder.ToString()));
        var first = (Organization)GeneratorHarness.Property(assembly, "Chain", "O0")!;
        var current = first;
        for (var i = 0; i < 10_000; i++)
        {
            current = current.Parent!;
        }

        Assert.Same(first, current);
    }

    [Fact]
    public void A_meeting_of_20000_speeches_compiles_and_loads()
    {
        var builder = new StringBuilder("person p { name: \"متحدث\" }\nmeeting m {\n  date: 2016-09-25\n");
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("  speech s").Append(i).Append(" { by: p  quote: \"نص الكلمة رقم ").Append(i).Append("\" }\n");
        }

        builder.Append("}\n");
        var assembly = GeneratorHarness.Load(GeneratorHarness.File("big.stmt", builder.ToString()));
        var meeting = (Meeting)GeneratorHarness.Property(assembly, "Big", "M")!;
        Assert.Equal(20_000, meeting.Speeches.Count);
        Assert.Equal("نص الكلمة رقم 19999", meeting.Speeches[^1].Passages[0].Text);
        Assert.Same(meeting.Speeches[123], GeneratorHarness.Property(assembly, "Big", "S123"));
    }

    [Fact]
    public void A_cancelled_generator_run_stops_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var driver = GeneratorHarness.CreateDriver("Sample", GeneratorHarness.File("a.stmt", "person a { name: \"x\" }"));
        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(GeneratorHarness.CreateCompilation(), cancelled.Token));
    }

    [Fact]
    public void Generated_code_compiles_without_warnings_for_random_valid_documents() =>
        Documents.Valid.Sample(text =>
        {
            var (sources, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.File("random.stmt", text));
            Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
            Assert.NotEmpty(sources);
        }, iter: FrontEndProperties.Iterations(25), threads: 1);

    [Fact]
    public void Generated_code_compiles_for_mutated_documents_whatever_bound() =>
        Documents.Mutated.Sample(text =>
        {
            var (_, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.File("mutated.stmt", text));
            Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }, iter: FrontEndProperties.Iterations(25), threads: 1);
}
