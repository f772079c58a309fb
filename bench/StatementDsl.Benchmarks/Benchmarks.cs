extern alias generator;

using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;
using StatementGenerator = generator::StatementDsl.Generator.StatementGenerator;

namespace StatementDsl.Benchmarks;

/// <summary>The corpus the benchmarks of one run share; set by Program before BenchmarkDotNet starts.</summary>
internal static class Shared
{
    public static Corpus Corpus { get; set; } = null!;
}

/// <summary>1. Front end: parse + bind of the .stmt corpus against System.Text.Json deserializing the same records, both from UTF-8 bytes.</summary>
[MemoryDiagnoser]
public class FrontEndBenchmark
{
    private (string Path, byte[] Bytes)[] files = [];
    private byte[] json = [];

    [GlobalSetup]
    public void Setup()
    {
        files = Shared.Corpus.Files.Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value))).ToArray();
        json = Encoding.UTF8.GetBytes(Shared.Corpus.Json);
    }

    /// <summary>A whole compilation as <c>stmt check</c> binds it, on one thread: each file's UTF-8 read as it comes, every file's records and diagnostics kept, no syntax tree.</summary>
    [Benchmark]
    public BoundCompilation ParseAndBind() => Binder.ParseAndBind(files.Select(f => SourceFile.FromUtf8(f.Path, f.Bytes, f.Bytes.Length)));

    /// <summary>The same from text, as the build hands it to the generator: each file decoded into a string first.</summary>
    [Benchmark]
    public BoundCompilation ParseAndBindFromText() => Binder.ParseAndBind(files.Select(Source));

    /// <summary>The same on every core, as <c>stmt check</c> runs it.</summary>
    [Benchmark]
    public BoundCompilation ParseAndBindOnEveryCore() =>
        Binder.ParseAndBind(files.Length, i => SourceFile.FromUtf8(files[i].Path, files[i].Bytes, files[i].Bytes.Length), null, Environment.ProcessorCount);

    /// <summary>
    /// A floor beside parse + bind: every file's UTF-8 decoded and lexed into tokens with their values,
    /// as parse + bind lexes it, nothing parsed or bound. The rest of parse + bind's time is the syntax
    /// and the records.
    /// </summary>
    [Benchmark]
    public int LexFloor()
    {
        var tokens = 0;
        foreach (var (path, bytes) in files)
        {
            var source = SourceFile.FromUtf8(path, bytes, bytes.Length);
            var lexed = new Lexer(source, new StatementDsl.Language.Diagnostics.DiagnosticBag(source), ParseDetail.WithoutTrivia, CancellationToken.None).Lex();
            tokens += lexed.Tokens.Count;
            lexed.Release();
            source.Release();
        }

        return tokens;
    }

    /// <summary>
    /// The front end as the generator runs it: each file's ids declared from its structure, then the
    /// file parsed in full and bound, keeping nothing but the ids, so every tree dies young.
    /// </summary>
    [Benchmark]
    public int ParseAndBindPerFile()
    {
        var declarations = files.Select(f => Binder.Declare(Source(f))).ToArray();
        var table = SymbolTable.Build(declarations);
        var entities = 0;
        for (var i = 0; i < files.Length; i++)
        {
            entities += Binder.BindFile(Parse(files[i]), declarations[i], table).Entities.Count;
        }

        return entities;
    }

    [Benchmark(Baseline = true)]
    public CorpusJson? StjDeserialize() => JsonSerializer.Deserialize(json, CorpusJsonContext.Default.CorpusJson);

    private static SourceFile Source((string Path, byte[] Bytes) file) => new(file.Path, Encoding.UTF8.GetString(file.Bytes));

    private static SyntaxFile Parse((string Path, byte[] Bytes) file) => Parser.Parse(Source(file));
}

/// <summary>
/// 2. Build cost: generator run plus Emit, with and without the corpus; with the corpus and
/// <c>StatementDslIdProperties=TopLevel</c>, which gives nested speeches and events no property; and
/// the generated code with its records' constants taken out, parsed and emitted without the
/// generator: what the members LANGUAGE.md §6 requires cost the compiler by themselves.
/// </summary>
[MemoryDiagnoser]
public class BuildBenchmark
{
    private CSharpCompilation compilation = null!;
    private AdditionalText[] texts = [];
    private string[] membersWithoutData = [];

    [GlobalSetup]
    public void Setup()
    {
        compilation = RoslynHarness.CreateCompilation();
        texts = RoslynHarness.Texts(Shared.Corpus);
        membersWithoutData = RoslynHarness.GeneratedMembersWithoutData(compilation, texts);
    }

    [Benchmark]
    public bool GenerateAndEmitWithCorpus() => RoslynHarness.GenerateAndEmit(compilation, texts);

    [Benchmark]
    public bool GenerateAndEmitTopLevelIds() => RoslynHarness.GenerateAndEmit(compilation, texts, topLevelIdsOnly: true);

    [Benchmark]
    public bool EmitGeneratedMembersWithoutData() => RoslynHarness.ParseAndEmit(compilation, membersWithoutData);

    [Benchmark(Baseline = true)]
    public bool EmitWithoutCorpus() => RoslynHarness.GenerateAndEmit(compilation, []);
}

/// <summary>3. Incremental: the generator after editing one quote in one file, against a full run.</summary>
[MemoryDiagnoser]
public class IncrementalBenchmark
{
    private CSharpCompilation compilation = null!;
    private AdditionalText[] texts = [];
    private GeneratorDriver warm = null!;
    private AdditionalText original = null!;
    private AdditionalText edited = null!;
    private bool showingEdit;

    [GlobalSetup]
    public void Setup()
    {
        compilation = RoslynHarness.CreateCompilation();
        texts = RoslynHarness.Texts(Shared.Corpus);
        warm = RoslynHarness.CreateDriver(texts).RunGenerators(compilation);
        original = texts[texts.Length / 2];
        var text = original.GetText()!.ToString();
        var quote = text.IndexOf("quote", StringComparison.Ordinal);
        edited = new InMemoryText(original.Path, text.Insert(text.IndexOf('"', quote) + 1, "تعديل "));
    }

    [Benchmark]
    public GeneratorDriver EditOneQuote()
    {
        warm = showingEdit ? warm.ReplaceAdditionalText(edited, original) : warm.ReplaceAdditionalText(original, edited);
        showingEdit = !showingEdit;
        warm = warm.RunGenerators(compilation);
        return warm;
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => RoslynHarness.CreateDriver(texts).RunGenerators(compilation);
}

internal static class RoslynHarness
{
    /// <summary>
    /// As <c>csc</c> parses a project built without <c>GenerateDocumentationFile</c>: doc comments are
    /// plain comments (Roslyn's command line sets <see cref="DocumentationMode.None"/> unless <c>/doc</c>
    /// is given). The IDE parses them; docs/benchmarks.md gives what that adds.
    /// </summary>
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public static CSharpCompilation CreateCompilation()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Person).Assembly.Location));
        return CSharpCompilation.Create("Corpus", [CSharpSyntaxTree.ParseText("public static class App { }", ParseOptions)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static AdditionalText[] Texts(Corpus corpus) => corpus.Files.Select(f => (AdditionalText)new InMemoryText("/corpus/" + f.Key, f.Value)).ToArray();

    public static GeneratorDriver CreateDriver(AdditionalText[] texts, bool topLevelIdsOnly = false) =>
        CSharpGeneratorDriver.Create([new StatementGenerator().AsSourceGenerator()], texts, ParseOptions, new Options(topLevelIdsOnly));

    public static bool GenerateAndEmit(CSharpCompilation compilation, AdditionalText[] texts, bool topLevelIdsOnly = false)
    {
        CreateDriver(texts, topLevelIdsOnly).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return Emit(output);
    }

    public static bool ParseAndEmit(CSharpCompilation compilation, string[] sources) =>
        Emit(compilation.AddSyntaxTrees(sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions))));

    /// <summary>
    /// The generator's output for <paramref name="texts"/> with every string constant removed: the
    /// file classes (a property per id, <c>Transcript</c>, the lists) and the store, without the
    /// records' data. Fails when the generated code does not compile, so the figure is never of
    /// code a build would reject.
    /// </summary>
    public static string[] GeneratedMembersWithoutData(CSharpCompilation compilation, AdditionalText[] texts)
    {
        var generated = CreateDriver(texts).RunGenerators(compilation).GetRunResult().GeneratedTrees;
        var sources = generated.Select(tree =>
        {
            var root = tree.GetRoot();
            var constants = root.DescendantNodes().OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword));
            return root.RemoveNodes(constants, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString();
        }).ToArray();
        if (!ParseAndEmit(compilation, sources))
        {
            throw new InvalidOperationException("The generated code without its constants does not compile.");
        }

        return sources;
    }

    private static bool Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Success;
    }

    private sealed class Options(bool topLevelIdsOnly) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Corpus.Records",
            ["build_property.StatementDslIdProperties"] = topLevelIdsOnly ? "TopLevel" : "All",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}

internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}
