using System.Runtime.InteropServices;
using StatementDsl.Testing;

namespace StatementDsl.Tests.EndToEnd;

/// <summary>
/// An app that uses the package, published NativeAOT and trimmed, prints what the same app prints
/// JIT-built: the runtime declares itself trimmable and AOT-compatible, and this proves it. Needs
/// clang, which .ci/run installs from Debian; skipped with the reason where it is absent.
/// </summary>
public class NativeAotTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <StatementDslNamespace>Consumer.Records</StatementDslNamespace>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="StatementDsl" Version="0.1.0" />
          </ItemGroup>
        </Project>
        """;

    private const string Program = """
        using Consumer.Records;
        using StatementDsl;

        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
        Console.OutputEncoding = new System.Text.UTF8Encoding(false);
        var catalog = StatementCatalog.Of(typeof(Talks).Assembly);
        foreach (var meeting in catalog.Meetings)
        {
            Console.WriteLine($"{meeting.Id} {meeting.Date} {meeting.Kind} {meeting.Body?.Name} at {meeting.Origin}");
            foreach (var speech in meeting.Speeches)
            {
                Console.WriteLine($"  {speech.Speaker?.Name} ({speech.SpeakerMembership?.Role}): {string.Join(" | ", speech.Passages.Select(p => p.Kind + " " + p.Text))}");
            }
        }

        Console.WriteLine(string.Join(", ", Roster.Jaafari.Memberships.Select(m => $"{m.Role} {m.From}–{m.Until}")));
        Console.WriteLine(catalog.Find("post") is Statement post ? $"{post.Date} {post.Via} {post.Passages[0].Text}" : "missing");
        foreach (var problem in StatementValidator.Validate(new Speech { Id = "built_in_csharp" }))
        {
            Console.WriteLine($"{problem.Id} {problem.Severity}: {problem.Message}");
        }
        """;

    private const string Roster = """
        org syria { name: "سوريا"  kind: state }
        org council { name: "مجلس الأمن"  name@en: "Security Council"  kind: body }
        person jaafari {
          name: "بشار الجعفري"
          membership { org: syria  role: "المندوب الدائم"  from: 2006-03  until: 2018-04 }
        }
        """;

    private const string Talks = """
        meeting session { body: council  date: 2016-09-25T10:00-04:00  kind: emergency
          speech reply { by: jaafari  on_behalf_of: syria  quote: "الحكومة السورية"  paraphrase@en: "He said \"no\"." }
        }
        statement post { by: jaafari  date: 2016-09-25T15:00Z  via: social_media  quote: "إننا بحاجة" }
        """;

    [SkippableFact]
    public void A_trimmed_native_app_prints_what_the_jit_built_app_prints()
    {
        Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.X64, "The test publishes for linux-x64.");
        Skip.If(TestText.OnPath("clang") is null, "clang is not installed: NativeAOT links with it (.ci/run installs it with apt-get).");
        var app = LocalFeed.NewProjectFolder("aot");
        File.WriteAllText(Path.Combine(app, "App.csproj"), Project);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(app, "roster.stmt"), Roster);
        File.WriteAllText(Path.Combine(app, "talks.stmt"), Talks);

        var jit = ProcessRunner.Run("dotnet", "run -c Release -p:UseSharedCompilation=false", app, LocalFeed.Environment);
        Assert.True(jit.ExitCode == 0, jit.Output);
        var native = Path.Combine(app, "native");
        var publish = ProcessRunner.Run("dotnet", $"publish -c Release -r linux-x64 -p:PublishAot=true -p:UseSharedCompilation=false -o \"{native}\"", app, LocalFeed.Environment, timeoutSeconds: 900);
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotContain("warning IL", publish.Output, StringComparison.Ordinal);

        var run = ProcessRunner.Run(Path.Combine(native, "App"), string.Empty, app);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("session 2016-09-25T10:00-04:00 Emergency مجلس الأمن at talks.stmt(1,1)", run.Output, StringComparison.Ordinal);
        Assert.Contains("STMT1001", run.Output, StringComparison.Ordinal);
        Assert.Equal(jit.Output.ReplaceLineEndings("\n"), run.Output.ReplaceLineEndings("\n"));
    }
}
