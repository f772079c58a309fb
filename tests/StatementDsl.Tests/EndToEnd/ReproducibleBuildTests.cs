using System.Text;
using StatementDsl.Testing;

namespace StatementDsl.Tests.EndToEnd;

/// <summary>
/// Two clones of one app in different folders, built from the package: the generated sources are the
/// same bytes, the assemblies too once the compiler's own paths are mapped (<c>PathMap</c>, as
/// <c>ContinuousIntegrationBuild</c> does), and no record carries the folder it was built in.
/// </summary>
public class ReproducibleBuildTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <Deterministic>true</Deterministic>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            <StatementDslNamespace>Consumer.Records</StatementDslNamespace>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="StatementDsl" Version="0.1.0" />
          </ItemGroup>
        </Project>
        """;

    private const string Program = """
        using Consumer.Records;

        System.Console.WriteLine(Talks.Remarks.Origin);
        System.Console.WriteLine(string.Join(" ", System.Linq.Enumerable.Select(StatementDsl.StatementValidator.Validate(Talks.Post), p => p.Origin)));
        """;

    private const string Talks = """
        person rycroft { name: "ماثيو ريكروفت" }
        statement post { date: 2016-09-25  quote: "إننا بحاجة" }
        statement remarks { by: rycroft  date: 2016-09-25  quote: "ولهذا انسحبت" }
        """;

    [Fact]
    public void Clones_in_two_folders_build_the_same_bytes_and_ship_no_build_path()
    {
        var first = Clone("one/app");
        var second = Clone("two/deeper/folder/app");
        foreach (var app in new[] { first, second })
        {
            var build = ProcessRunner.Run("dotnet", $"build -nologo -c Release -p:UseSharedCompilation=false \"-p:PathMap={app}=/app/\"", app, LocalFeed.Environment);
            Assert.True(build.ExitCode == 0, build.Output);
        }

        var generated = Generated(first);
        Assert.NotEmpty(generated);
        Assert.Equal(generated.Keys, Generated(second).Keys);
        foreach (var (name, text) in generated)
        {
            Assert.Equal(text, Generated(second)[name]);
        }

        var firstAssembly = File.ReadAllBytes(Output(first));
        Assert.Equal(firstAssembly, File.ReadAllBytes(Output(second)));
        AssertNoPath(firstAssembly, first);

        var run = ProcessRunner.Run("dotnet", "run --no-build -c Release", first, LocalFeed.Environment);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("/app/talks.stmt(3,1)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(first, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_path_map_records_name_their_files_relative_to_the_project()
    {
        var app = Clone("plain/app");
        var build = ProcessRunner.Run("dotnet", "build -nologo -p:UseSharedCompilation=false", app, LocalFeed.Environment);
        Assert.True(build.ExitCode == 0, build.Output);

        // The assembly's debug directory names its PDB by the compiler's own path unless PathMap maps it:
        // what is checked here is the records, which hold their paths as UTF-16 constants.
        Assert.DoesNotContain(app, Encoding.Unicode.GetString(File.ReadAllBytes(Path.Combine(app, "bin", "Debug", "net10.0", "App.dll"))), StringComparison.Ordinal);
        var run = ProcessRunner.Run("dotnet", "run --no-build", app, LocalFeed.Environment);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("talks.stmt(3,1)\ntalks.stmt(2,1)", run.Output.Trim().ReplaceLineEndings("\n"));
    }

    private static string Clone(string relativePath)
    {
        var app = LocalFeed.NewProjectFolder(relativePath);
        File.WriteAllText(Path.Combine(app, "App.csproj"), Project);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(app, "talks.stmt"), Talks);
        return app;
    }

    private static string Output(string app) => Path.Combine(app, "bin", "Release", "net10.0", "App.dll");

    private static Dictionary<string, string> Generated(string app)
    {
        var folder = Path.Combine(app, "obj", "Release", "net10.0", "generated");
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText, StringComparer.Ordinal);
    }

    private static void AssertNoPath(byte[] assembly, string folder)
    {
        Assert.DoesNotContain(folder, Encoding.UTF8.GetString(assembly), StringComparison.Ordinal);
        Assert.DoesNotContain(folder, Encoding.Unicode.GetString(assembly), StringComparison.Ordinal);
    }
}
