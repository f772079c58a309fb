using System.Diagnostics;
using System.Globalization;
using System.Text;
using StatementDsl.Language.Semantics;

namespace StatementDsl.Benchmarks;

internal sealed record StartupResult(
    double CompiledWallMs, double CompiledMainMs, double PerClassWallMs, double PerClassMainMs, double JsonWallMs, double JsonMainMs,
    double FloorWallMs, long Records, double CompiledJitMs, double PerClassJitMs, double JsonJitMs);

/// <summary>
/// 4. Start-up: fresh processes that touch every record of the corpus: the records compiled in by the
/// generator, reached through <c>StatementCatalog</c> (the way to go over a whole archive) and through
/// each file's generated class; and the same records loaded from JSON with System.Text.Json.
/// All are built in Release into a temporary folder and run in turn.
/// </summary>
internal static class StartupBenchmark
{
    public static StartupResult Run(Corpus corpus, int runs, string repositoryRoot)
    {
        var root = Path.Combine(Path.GetTempPath(), "stmt-startup-" + Guid.NewGuid().ToString("N")[..8]);
        var compiled = Path.Combine(root, "compiled");
        var perClass = Path.Combine(root, "per-class");
        var json = Path.Combine(root, "json");
        var empty = Path.Combine(root, "empty");
        WriteCompiledApp(compiled, corpus, repositoryRoot, perClass: false);
        WriteCompiledApp(perClass, corpus, repositoryRoot, perClass: true);
        WriteJsonApp(json, corpus);
        WriteProject(empty, string.Empty);
        File.WriteAllText(Path.Combine(empty, "Program.cs"), "System.Console.WriteLine(\"main_ms=0\");\n");
        foreach (var app in new[] { compiled, perClass, json, empty })
        {
            var (code, output) = Exec("dotnet", "build -c Release -nologo", app);
            if (code != 0)
            {
                throw new InvalidOperationException($"Building {app} failed:\n{output}");
            }
        }

        var results = new Dictionary<string, List<(double Wall, double Main, long Records, double Jit)>>
        {
            [compiled] = [],
            [perClass] = [],
            [json] = [],
            [empty] = [],
        };
        for (var run = -1; run < runs; run++)
        {
            foreach (var app in results.Keys)
            {
                var measured = Measure(app);
                if (run >= 0)
                {
                    results[app].Add(measured);
                }
            }
        }

        var compiledRecords = results[compiled][0].Records;
        if (compiledRecords != results[json][0].Records || compiledRecords != results[perClass][0].Records)
        {
            throw new InvalidOperationException(
                $"The apps touched different record counts: {compiledRecords}, {results[perClass][0].Records} and {results[json][0].Records}.");
        }

        Directory.Delete(root, recursive: true);
        return new StartupResult(
            Median(results[compiled].Select(r => r.Wall)), Median(results[compiled].Select(r => r.Main)),
            Median(results[perClass].Select(r => r.Wall)), Median(results[perClass].Select(r => r.Main)),
            Median(results[json].Select(r => r.Wall)), Median(results[json].Select(r => r.Main)),
            Median(results[empty].Select(r => r.Wall)), compiledRecords,
            Median(results[compiled].Select(r => r.Jit)), Median(results[perClass].Select(r => r.Jit)), Median(results[json].Select(r => r.Jit)));
    }

    private static (double Wall, double Main, long Records, double Jit) Measure(string app)
    {
        var dll = Path.Combine(app, "bin", "Release", "net10.0", "App.dll");
        var clock = Stopwatch.StartNew();
        var (code, output) = Exec("dotnet", $"\"{dll}\"", app);
        var wall = clock.Elapsed.TotalMilliseconds;
        if (code != 0)
        {
            throw new InvalidOperationException($"{dll} failed:\n{output}");
        }

        var main = double.Parse(Value(output, "main_ms"), CultureInfo.InvariantCulture);
        var records = long.TryParse(Value(output, "records"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
        var jit = double.Parse(Value(output, "jit_ms"), CultureInfo.InvariantCulture);
        return (wall, main, records, jit);
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

    private static double Median(IEnumerable<double> values)
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

            var clock = Stopwatch.StartNew();
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
                    characters += person.Id!.Length + person.Name!.Value.Length;
                }

                foreach (var organization in organizations)
                {
                    records++;
                    characters += organization.Id!.Length + organization.Name!.Value.Length;
                }

                foreach (var meeting in meetings)
                {
                    records++;
                    characters += meeting.Id!.Length + meeting.Date!.Value.ToString().Length;
                    foreach (var speech in meeting.Speeches)
                    {
                        records++;
                        characters += speech.Id!.Length + speech.Speaker!.Name!.Value.Length + speech.Passages.Sum(p => p.Text.Length);
                    }
                }

                foreach (var statement in statements)
                {
                    records++;
                    characters += statement.Id!.Length + statement.Speaker!.Name!.Value.Length + statement.Passages.Sum(p => p.Text.Length);
                }
            }

            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program.ToString());
    }

    private static void WriteJsonApp(string folder, Corpus corpus)
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

    internal static (int ExitCode, string Output) Exec(string fileName, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
