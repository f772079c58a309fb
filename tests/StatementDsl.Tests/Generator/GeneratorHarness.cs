extern alias generator;

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StatementGenerator = generator::StatementDsl.Generator.StatementGenerator;

namespace StatementDsl.Tests.Generator;

/// <summary>Runs the generator over in-memory <c>.stmt</c> files and compiles what it emits.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Person).Assembly.Location))
            .ToImmutableArray();
    });

    public static CSharpCompilation CreateCompilation(string code = "public static class Program { public static void Main() { } }", bool warningsAsErrors = true) =>
        CSharpCompilation.Create(
            "Records",
            new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), "Program.cs") },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default));

    public static GeneratorDriver CreateDriver(string rootNamespace = "Sample", params AdditionalText[] files) =>
        CreateDriver(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace }, files);

    /// <summary>A driver with these global options (<c>build_property.*</c> as MSBuild passes them).</summary>
    public static GeneratorDriver CreateDriver(Dictionary<string, string> globalOptions, params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { new StatementGenerator().AsSourceGenerator() },
            files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static AdditionalText File(string path, string text) => new InMemoryText(path, text);

    /// <summary>Generates and compiles; returns the generated sources by hint name and the compilation's diagnostics.</summary>
    public static (IReadOnlyDictionary<string, string> Sources, ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Run(params AdditionalText[] files) =>
        Run(new Dictionary<string, string>(), files);

    /// <summary>As <see cref="Run(AdditionalText[])"/>, with more build properties beside the root namespace <c>Sample</c>.</summary>
    public static (IReadOnlyDictionary<string, string> Sources, ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Run(
        Dictionary<string, string> buildProperties, params AdditionalText[] files)
    {
        var options = buildProperties.ToDictionary(p => "build_property." + p.Key, p => p.Value);
        options["build_property.RootNamespace"] = "Sample";
        var driver = CreateDriver(options, files).RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out var generatorDiagnostics);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return (sources, generatorDiagnostics.AddRange(output.GetDiagnostics()), output);
    }

    /// <summary>Compiles the generated records and loads them, so tests can touch them as an app would.</summary>
    public static Assembly Load(params AdditionalText[] files) => Load(new Dictionary<string, string>(), files);

    public static Assembly Load(Dictionary<string, string> buildProperties, params AdditionalText[] files)
    {
        var (_, diagnostics, output) = Run(buildProperties, files);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    public static object? Property(Assembly assembly, string className, string property) =>
        assembly.GetType("Sample." + className, throwOnError: true)!.GetProperty(property)!.GetValue(null);

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class OptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new());
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
