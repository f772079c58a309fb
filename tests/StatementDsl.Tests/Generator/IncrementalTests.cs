extern alias generator;

using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Steps = generator::StatementDsl.Generator.StatementGenerator.Steps;

namespace StatementDsl.Tests.Generator;

/// <summary>The pipeline caches per file: exact step reasons for the edits users make.</summary>
public class IncrementalTests
{
    private const string Roster = "person jaafari { name: \"بشار الجعفري\" }\nperson rycroft { name: \"ماثيو ريكروفت\" }\n";
    private const string Meeting = "meeting m {\n  date: 2016-09-25\n  speech s { by: jaafari  quote: \"first\" }\n  speech t { by: rycroft }\n}\n";
    private const string Post = "statement p { by: rycroft  date: 2016-09-25  quote: \"post\" }\n";

    private static (GeneratorDriver Driver, Compilation Compilation, AdditionalText[] Files) Start()
    {
        var files = new[]
        {
            GeneratorHarness.File("a/roster.stmt", Roster),
            GeneratorHarness.File("b/meeting.stmt", Meeting),
            GeneratorHarness.File("c/post.stmt", Post),
        };
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver("Sample", files).RunGenerators(compilation);
        return (driver, compilation, files);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static IncrementalStepRunReason[] OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void Editing_CSharp_code_regenerates_nothing()
    {
        var (driver, compilation, _) = Start();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }")));

        Assert.All(Reasons(driver, Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(driver, Steps.IdTable));
        Assert.All(Reasons(driver, Steps.Bind), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(OutputReasons(driver), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_a_quote_in_one_file_regenerates_that_file_only()
    {
        var (driver, compilation, files) = Start();
        // The edit lengthens a line and adds one, moving every later position in the file.
        var edited = Meeting.Replace("quote: \"first\" }", "quote: \"a longer first quote\"\n    quote: \"and a second\" }", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(files[1], GeneratorHarness.File("b/meeting.stmt", edited)).RunGenerators(compilation);

        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }, Reasons(driver, Steps.Parse));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(driver, Steps.IdTable));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }, Reasons(driver, Steps.Bind));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(driver, Steps.AnyFiles));
        Assert.Equal(1, OutputReasons(driver).Count(r => r == IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void Adding_a_file_rebinds_the_others_without_changing_their_output()
    {
        var (driver, compilation, _) = Start();
        driver = driver.AddAdditionalTexts([GeneratorHarness.File("d/extra.stmt", "org un { name: \"الأمم المتحدة\" }\n")]).RunGenerators(compilation);

        Assert.Equal(
            new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.New },
            Reasons(driver, Steps.Parse));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(driver, Steps.IdTable));
        Assert.Equal(
            new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.New },
            Reasons(driver, Steps.Bind));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, Reasons(driver, Steps.AnyFiles));
    }

    [Fact]
    public void Renaming_an_id_used_by_another_file_regenerates_both_and_only_them()
    {
        var (driver, compilation, files) = Start();
        driver = driver.ReplaceAdditionalText(files[0], GeneratorHarness.File("a/roster.stmt", Roster.Replace("jaafari", "al_jaafari", StringComparison.Ordinal)))
            .RunGenerators(compilation);

        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached }, Reasons(driver, Steps.Parse));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(driver, Steps.IdTable));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged }, Reasons(driver, Steps.Bind));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, Reasons(driver, Steps.AnyFiles));
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_locations_or_compilations()
    {
        var (driver, _, _) = Start();
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SyntaxTree) };
        var result = driver.GetRunResult().Results.Single();
        var values = result.TrackedSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(values);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var value in values)
        {
            Walk(value, forbidden, seen, "step output");
        }
    }

    private static void Walk(object? value, Type[] forbidden, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type}");
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, forbidden, seen, $"{path}[{index++}]");
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.FieldType.IsPointer || field.FieldType.IsByRefLike || typeof(Delegate).IsAssignableFrom(field.FieldType) || field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(Lazy<>))
            {
                continue;
            }

            Walk(field.GetValue(value), forbidden, seen, $"{path}.{field.Name}");
        }
    }
}
