using StatementDsl.Testing;

namespace StatementDsl.Tests.EndToEnd;

/// <summary>
/// The package as a user gets it: packed to a local folder (<see cref="LocalFeed"/>), referenced from a fresh project by
/// PackageReference, build, run, and see the diagnostics at the .stmt file's own line and column.
/// Builds run without the shared compiler server, which would keep an older analyzer of the same version loaded.
/// </summary>
public class PackageTests
{
    private const string Talks = """
        person rycroft { name: "ماثيو ريكروفت"  name@en: "Matthew Rycroft" }

        statement post {
          date: 2016-09-25
          quote: "إننا بحاجة الى تحديد كيفية وقف ذلك الآن"
        }

        statement remarks { by: rycroft  date: 2016-09-25  quote: "ولهذا انسحبت" }
        """;

    private const string Program = """
        using Consumer.Records;

        System.Console.OutputEncoding = new System.Text.UTF8Encoding(false);
        System.Console.WriteLine($"{Talks.Remarks.Speaker!.Name} said: {Talks.Remarks.Passages[0].Text}");
        System.Console.WriteLine($"post speaker null: {Talks.Post.Speaker is null}; people: {Talks.People.Count}");
        """;

    [Fact]
    public void A_fresh_project_builds_runs_and_reports_STMT1001_at_the_stmt_line()
    {
        var app = LocalFeed.NewProjectFolder("app");
        var environment = LocalFeed.Environment;
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <StatementDslNamespace>Consumer.Records</StatementDslNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StatementDsl" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "talks.stmt"), Talks);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);

        // A report beside its .stmt file reaches the analyzer with no project edit (LANGUAGE.md §8).
        Directory.CreateDirectory(Path.Combine(app, "reports"));
        File.WriteAllText(Path.Combine(app, "reports", "news.txt"), "وقال ريكروفت: \"إننا بحاجة الى تحديد كيفية وقف ذلك الآن\".\n");
        File.WriteAllText(Path.Combine(app, "reports", "news.stmt"), """
            transcript news { source_document: "news.txt" }
            statement said {
              by: rycroft  date: 2016-09-25
              quote: "إننا بحاجة الى تحديد كيفية وقف ذلك الآن"
              quote: "إننا بحاجة الى وقف ذلك غدا"
            }
            """);

        var build = ProcessRunner.Run("dotnet", "build -nologo -p:UseSharedCompilation=false", app, environment);
        Assert.True(build.ExitCode == 0, build.Output);
        var stmtPath = Path.Combine(app, "talks.stmt");
        Assert.Contains($"{stmtPath}(3,11): warning STMT1001: statement 'post' has no speaker", build.Output, StringComparison.Ordinal);
        var newsPath = Path.Combine(app, "reports", "news.stmt");
        Assert.Contains($"{newsPath}(5,10): warning STMT1017: Quote not found in 'news.txt'; the closest passage (line 1", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{newsPath}(4,", build.Output, StringComparison.Ordinal);

        var run = ProcessRunner.Run("dotnet", "run --no-build", app, environment);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("ماثيو ريكروفت said: ولهذا انسحبت", run.Output, StringComparison.Ordinal);
        Assert.Contains("post speaker null: True; people: 1", run.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.stmt]\ndotnet_diagnostic.STMT1001.severity = error\n");
        var strict = ProcessRunner.Run("dotnet", "build -nologo --no-incremental -p:UseSharedCompilation=false", app, environment);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains($"{stmtPath}(3,11): error STMT1001", strict.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.stmt]\ndotnet_diagnostic.STMT1001.severity = none\n");
        var silenced = ProcessRunner.Run("dotnet", "build -nologo --no-incremental -p:UseSharedCompilation=false", app, environment);
        Assert.True(silenced.ExitCode == 0, silenced.Output);
        Assert.DoesNotContain("STMT1001", silenced.Output, StringComparison.Ordinal);
    }
}
