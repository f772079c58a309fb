using System.Diagnostics;
using StatementDsl.Testing;

namespace StatementDsl.Benchmarks;

/// <summary>What one <c>dotnet build</c> after a one-line C# edit costs, with the archive and without it.</summary>
internal sealed record ArchiveEditFigures(double WithArchiveMs, double AloneMs, int ArchiveRecompilations);

/// <summary>
/// 6. The build users meet every day: an app that references a class library holding the archive's
/// <c>.stmt</c> files (the layout the README recommends for large archives) has one line of its own
/// C# edited and is built again. The peer is the same app referencing the same library without the
/// records (no <c>.stmt</c> file), so that both build the same projects and the difference is what
/// the archive's records cost; the archive's assembly must not be rebuilt (its write time is checked
/// after each build).
/// </summary>
internal static class ArchiveLibraryBenchmark
{
    public static ArchiveEditFigures Run(Corpus corpus, int runs, string repositoryRoot)
    {
        var root = Path.Combine(Path.GetTempPath(), "stmt-archive-" + Guid.NewGuid().ToString("N")[..8]);
        var src = Path.Combine(repositoryRoot, "src");
        var archive = WriteLibrary(Path.Combine(root, "Archive"), src);
        corpus.WriteTo(Path.Combine(archive, "records"));
        var empty = WriteLibrary(Path.Combine(root, "Empty"), src);

        var withArchive = WriteApp(Path.Combine(root, "App"), $"""<ItemGroup><ProjectReference Include="{archive}/Archive.csproj" /></ItemGroup>""",
            "StatementDsl.StatementCatalog.Of(typeof(Archive.ArchiveAssembly).Assembly).People.Count");
        var alone = WriteApp(Path.Combine(root, "Alone"), $"""<ItemGroup><ProjectReference Include="{empty}/Archive.csproj" /></ItemGroup>""",
            "StatementDsl.StatementCatalog.Of(typeof(Archive.ArchiveAssembly).Assembly).People.Count");
        Build(withArchive);
        Build(alone);

        var archiveAssembly = Path.Combine(archive, "bin", "Debug", "net10.0", "Archive.dll");
        var built = File.GetLastWriteTimeUtc(archiveAssembly);
        var recompilations = 0;
        var withTimes = new List<double>();
        var aloneTimes = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var (app, times) in new[] { (withArchive, withTimes), (alone, aloneTimes) })
            {
                EditOneLine(app, run);
                var clock = Stopwatch.StartNew();
                Build(app);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (File.GetLastWriteTimeUtc(archiveAssembly) != built)
            {
                recompilations++;
                built = File.GetLastWriteTimeUtc(archiveAssembly);
            }
        }

        Directory.Delete(root, recursive: true);
        return new ArchiveEditFigures(StartupBenchmark.Median(withTimes), StartupBenchmark.Median(aloneTimes), recompilations);
    }

    /// <summary>A class library with the package's generator and runtime (from this repository's projects), and no records yet.</summary>
    private static string WriteLibrary(string folder, string src)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Archive.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <StatementDslNamespace>Archive.Records</StatementDslNamespace>
              </PropertyGroup>
              <Import Project="{src}/StatementDsl/build/StatementDsl.props" />
              <Import Project="{src}/StatementDsl/build/StatementDsl.targets" />
              <ItemGroup>
                <ProjectReference Include="{src}/StatementDsl/StatementDsl.csproj" />
                <ProjectReference Include="{src}/StatementDsl.Generator/StatementDsl.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "ArchiveAssembly.cs"), "namespace Archive;\n\npublic static class ArchiveAssembly\n{\n}\n");
        return folder;
    }

    private static string WriteApp(string folder, string items, string count)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              {items}
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Count.cs"), $"internal static class Count\n{{\n    public static int People => {count};\n}}\n");
        EditOneLine(folder, -1);
        return folder;
    }

    /// <summary>The app's own line that each run changes, as a user editing a message would.</summary>
    private static void EditOneLine(string app, int run) =>
        File.WriteAllText(Path.Combine(app, "Program.cs"), $"System.Console.WriteLine(\"edit {run}: \" + Count.People);\n");

    private static void Build(string app)
    {
        var (code, output) = ProcessRunner.Run("dotnet", "build -nologo", app);
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet build in {app} failed:\n{output}");
        }
    }
}
