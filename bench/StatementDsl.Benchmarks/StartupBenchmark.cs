using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;
using StatementDsl.Language.Semantics;
using StatementDsl.Testing;

namespace StatementDsl.Benchmarks;

/// <summary>The medians of one kind of run: whole-process wall time, time inside Main, JIT time, records touched.</summary>
internal sealed record StartupFigures(double WallMs, double MainMs, double JitMs, long Records);

/// <summary>The start-up runs by name: see <see cref="StartupBenchmark"/>.</summary>
internal sealed record StartupResult(IReadOnlyDictionary<string, StartupFigures> Runs)
{
    public StartupFigures this[string name] => Runs[name];
}

/// <summary>
/// 4. Start-up: fresh processes that touch every record of the corpus (people, organizations,
/// meetings, every meeting's speeches, statements: each record reached and its id read): the records
/// compiled in by the generator, reached through <c>StatementCatalog</c> (the way to go over a whole
/// archive) and through each file's generated class; and the same records loaded from JSON with
/// System.Text.Json. The <c>read</c> runs also read names, speakers and every passage's text, so
/// they decode all of it. All are built in Release into a temporary folder and run in turn; the
/// compiled and the JSON app are also published ReadyToRun for this machine and run the same way.
/// </summary>
internal static class StartupBenchmark
{
    public const string Compiled = "compiled";
    public const string CompiledRead = "compiled_read";
    public const string PerClass = "per_class";
    public const string Json = "json";
    public const string JsonRead = "json_read";
    public const string CompiledReadyToRun = "compiled_r2r";
    public const string JsonReadyToRun = "json_r2r";
    public const string Floor = "process_floor";
    public const string RecordsFloor = "records_floor";
    public const string PerClassRead = "per_class_read";
    public const string PerClassReadReadyToRun = "per_class_read_r2r";
    public const string JsonReadReadyToRun = "json_read_r2r";
    public const string PassagesFloor = "passages_floor";

    public static StartupResult Run(Corpus corpus, int runs, string repositoryRoot)
    {
        var root = Path.Combine(Path.GetTempPath(), "stmt-startup-" + Guid.NewGuid().ToString("N")[..8]);
        var compiled = Path.Combine(root, "compiled");
        var perClass = Path.Combine(root, "per-class");
        var json = Path.Combine(root, "json");
        var empty = Path.Combine(root, "empty");
        var recordsFloor = Path.Combine(root, "records-floor");
        var passagesFloor = Path.Combine(root, "passages-floor");
        WriteCompiledApp(compiled, corpus, repositoryRoot, perClass: false);
        WriteCompiledApp(perClass, corpus, repositoryRoot, perClass: true);
        WriteJsonApp(json, corpus);
        WriteRecordsFloorApp(recordsFloor, corpus);
        WritePassagesFloorApp(passagesFloor, corpus);
        WriteProject(empty, string.Empty);
        File.WriteAllText(Path.Combine(empty, "Program.cs"), "System.Console.WriteLine(\"main_ms=0\");\n");
        foreach (var app in new[] { compiled, perClass, json, recordsFloor, passagesFloor, empty })
        {
            Dotnet("build -c Release -nologo", app);
        }

        // The compiled and the JSON app published ReadyToRun too, as an app that cares about its
        // start-up ships: its own code, the runtime's and STJ's are precompiled for this machine.
        var compiledReadyToRun = Path.Combine(root, "compiled-r2r");
        var perClassReadyToRun = Path.Combine(root, "per-class-r2r");
        var jsonReadyToRun = Path.Combine(root, "json-r2r");
        foreach (var (app, published) in new[] { (compiled, compiledReadyToRun), (perClass, perClassReadyToRun), (json, jsonReadyToRun) })
        {
            Dotnet($"publish -c Release -nologo -r {RuntimeInformation.RuntimeIdentifier} --self-contained false -p:PublishReadyToRun=true -o \"{published}\"", app);
        }

        var plan = new (string Name, string Dll, string Mode)[]
        {
            (Compiled, Built(compiled), "touch"), (CompiledRead, Built(compiled), "read"), (PerClass, Built(perClass), "touch"),
            (Json, Built(json), "touch"), (JsonRead, Built(json), "read"),
            (CompiledReadyToRun, Path.Combine(compiledReadyToRun, "App.dll"), "touch"), (JsonReadyToRun, Path.Combine(jsonReadyToRun, "App.dll"), "touch"),
            (PerClassRead, Built(perClass), "read"), (PerClassReadReadyToRun, Path.Combine(perClassReadyToRun, "App.dll"), "read"),
            (JsonReadReadyToRun, Path.Combine(jsonReadyToRun, "App.dll"), "read"),
            (RecordsFloor, Built(recordsFloor), string.Empty), (PassagesFloor, Built(passagesFloor), string.Empty), (Floor, Built(empty), string.Empty),
        };
        var measured = plan.ToDictionary(p => p.Name, _ => new List<(double Wall, double Main, double Jit, long Records)>());
        for (var run = -1; run < runs; run++)
        {
            foreach (var (name, dll, mode) in plan)
            {
                var figures = Measure(dll, mode);
                if (run >= 0)
                {
                    measured[name].Add(figures);
                }
            }
        }

        var touched = plan.Where(p => p.Name != Floor).Select(p => measured[p.Name][0].Records).Distinct().ToArray();
        if (touched.Length != 1)
        {
            throw new InvalidOperationException($"The apps touched different record counts: {string.Join(", ", touched)}.");
        }

        Directory.Delete(root, recursive: true);
        return new StartupResult(measured.ToDictionary(
            m => m.Key,
            m => new StartupFigures(Median(m.Value.Select(r => r.Wall)), Median(m.Value.Select(r => r.Main)), Median(m.Value.Select(r => r.Jit)), m.Value[0].Records)));
    }

    internal static string Built(string app) => Path.Combine(app, "bin", "Release", "net10.0", "App.dll");

    /// <summary>Runs <c>dotnet</c> in <paramref name="folder"/>, with <paramref name="environment"/> added to its own; throws with its output when it fails.</summary>
    internal static void Dotnet(string arguments, string folder, IDictionary<string, string>? environment = null)
    {
        var (code, output) = ProcessRunner.Run("dotnet", arguments, folder, environment);
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} in {folder} failed:\n{output}");
        }
    }

    private static (double Wall, double Main, double Jit, long Records) Measure(string dll, string mode)
    {
        var clock = Stopwatch.StartNew();
        var (code, output) = ProcessRunner.Run("dotnet", $"\"{dll}\" {mode}", Path.GetDirectoryName(dll)!);
        var wall = clock.Elapsed.TotalMilliseconds;
        if (code != 0)
        {
            throw new InvalidOperationException($"{dll} failed:\n{output}");
        }

        var main = double.Parse(Value(output, "main_ms"), CultureInfo.InvariantCulture);
        var records = long.TryParse(Value(output, "records"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
        var jit = double.Parse(Value(output, "jit_ms"), CultureInfo.InvariantCulture);
        return (wall, main, jit, records);
    }

    private static string Value(string output, string key)
    {
        var start = output.IndexOf(key + "=", StringComparison.Ordinal);
        if (start < 0)
        {
            return "0";
        }

        start += key.Length + 1;
        var end = start;
        while (end < output.Length && !char.IsWhiteSpace(output[end]))
        {
            end++;
        }

        return output[start..end];
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void WriteProject(string folder, string items)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>App</AssemblyName>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            {items}
            </Project>
            """);
    }

    private static void WriteCompiledApp(string folder, Corpus corpus, string repositoryRoot, bool perClass)
    {
        var src = Path.Combine(repositoryRoot, "src");
        WriteProject(folder, $"""
              <Import Project="{src}/StatementDsl/build/StatementDsl.props" />
              <Import Project="{src}/StatementDsl/build/StatementDsl.targets" />
              <PropertyGroup><StatementDslNamespace>Corpus.Records</StatementDslNamespace></PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{src}/StatementDsl/StatementDsl.csproj" />
                <ProjectReference Include="{src}/StatementDsl.Generator/StatementDsl.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            """);
        corpus.WriteTo(Path.Combine(folder, "corpus"));
        var program = new StringBuilder("""
            using System.Diagnostics;
            using Corpus.Records;
            using StatementDsl;

            // "touch": reach every record and read its id; "read": also names, speakers and every passage's text.
            var clock = Stopwatch.StartNew();
            var read = args.Length > 0 && args[0] == "read";
            long records = 0;
            long characters = 0;

            """);
        if (perClass)
        {
            foreach (var path in corpus.Files.Keys)
            {
                var name = CSharpNames.ClassName(path, null);
                program.Append($"Touch({name}.People, {name}.Organizations, {name}.Meetings, {name}.Statements);\n");
            }
        }
        else
        {
            program.Append("var catalog = StatementCatalog.Of(typeof(Program).Assembly);\n");
            program.Append("Touch(catalog.People, catalog.Organizations, catalog.Meetings, catalog.Statements);\n");
        }

        program.Append("""
            Console.WriteLine($"records={records} characters={characters} main_ms={clock.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}");

            void Touch(IReadOnlyList<Person> people, IReadOnlyList<Organization> organizations, IReadOnlyList<Meeting> meetings, IReadOnlyList<Statement> statements)
            {
                foreach (var person in people)
                {
                    records++;
                    characters += person.Id!.Length + (read ? person.Name!.Value.Length : 0);
                }

                foreach (var organization in organizations)
                {
                    records++;
                    characters += organization.Id!.Length + (read ? organization.Name!.Value.Length : 0);
                }

                foreach (var meeting in meetings)
                {
                    records++;
                    characters += meeting.Id!.Length + (read ? meeting.Date!.Value.ToString().Length : 0);
                    foreach (var speech in meeting.Speeches)
                    {
                        records++;
                        characters += speech.Id!.Length + (read ? speech.Speaker!.Name!.Value.Length + speech.Passages.Sum(p => p.Text.Length) : 0);
                    }
                }

                foreach (var statement in statements)
                {
                    records++;
                    characters += statement.Id!.Length + (read ? statement.Speaker!.Name!.Value.Length + statement.Passages.Sum(p => p.Text.Length) : 0);
                }
            }

            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program.ToString());
    }

    internal static void WriteJsonApp(string folder, Corpus corpus)
    {
        WriteProject(folder, """
              <ItemGroup>
                <None Include="corpus.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            """);
        var templates = Path.Combine(AppContext.BaseDirectory, "StartupApps");
        File.Copy(Path.Combine(templates, "CorpusJson.cs"), Path.Combine(folder, "CorpusJson.cs"));
        File.Copy(Path.Combine(templates, "JsonProgram.cs"), Path.Combine(folder, "Program.cs"));
        File.WriteAllText(Path.Combine(folder, "corpus.json"), corpus.Json, new UTF8Encoding(false));
    }

    /// <summary>The floor app (StartupApps/RecordsFloorProgram.cs) and its one constant: every id, in the JSON app's order, each ended by a line feed.</summary>
    private static void WriteRecordsFloorApp(string folder, Corpus corpus)
    {
        WriteProject(folder, string.Empty);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "StartupApps", "RecordsFloorProgram.cs"), Path.Combine(folder, "Program.cs"));
        var records = JsonSerializer.Deserialize(corpus.Json, CorpusJsonContext.Default.CorpusJson)!;
        var ids = new StringBuilder();
        foreach (var id in records.People.Select(p => p.Id)
            .Concat(records.Organizations.Select(o => o.Id))
            .Concat(records.Meetings.SelectMany(m => m.Speeches.Select(s => s.Id).Prepend(m.Id)))
            .Concat(records.Statements.Select(s => s.Id)))
        {
            ids.Append(id).Append('\n');
        }

        File.WriteAllText(
            Path.Combine(folder, "RecordIds.cs"),
            $"internal static class RecordIds\n{{\n    public const string All = {SymbolDisplay.FormatLiteral(ids.ToString(), quote: true)};\n}}\n");
    }

    /// <summary>
    /// The floor under reading (StartupApps/PassagesFloorProgram.cs): every passage's text in one
    /// constant, each ended by a NUL (which no passage can hold, STMT0007), in the JSON app's order.
    /// </summary>
    private static void WritePassagesFloorApp(string folder, Corpus corpus)
    {
        WriteProject(folder, string.Empty);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "StartupApps", "PassagesFloorProgram.cs"), Path.Combine(folder, "Program.cs"));
        var records = JsonSerializer.Deserialize(corpus.Json, CorpusJsonContext.Default.CorpusJson)!;
        var texts = new StringBuilder();
        foreach (var passage in records.Meetings.SelectMany(m => m.Speeches).SelectMany(s => s.Passages).Concat(records.Statements.SelectMany(s => s.Passages)))
        {
            texts.Append(passage.Text).Append('\0');
        }

        var count = records.People.Count + records.Organizations.Count + records.Meetings.Sum(m => 1 + m.Speeches.Count) + records.Statements.Count;
        File.WriteAllText(
            Path.Combine(folder, "PassageTexts.cs"),
            $"internal static class PassageTexts\n{{\n    public const int Records = {count};\n\n    public const string All = {SymbolDisplay.FormatLiteral(texts.ToString(), quote: true)};\n}}\n");
    }
}
