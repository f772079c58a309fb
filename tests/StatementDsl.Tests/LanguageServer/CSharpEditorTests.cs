using System.Text.Json.Nodes;
using StatementDsl.Testing;

namespace StatementDsl.Tests.LanguageServer;

/// <summary>
/// The C# side in a real C# language server nobody here wrote: csharp-ls 0.28 (a .NET tool, installed
/// by the test where the NuGet feed serves it) opens the sample, and go-to-definition on a generated
/// record lands on its declaration in the .stmt file, through the generator's <c>#line</c> mapping.
/// </summary>
public class CSharpEditorTests
{
    [SkippableFact]
    public async Task Go_to_definition_from_CSharp_lands_on_the_declaration_in_the_stmt_file()
    {
        var tools = Path.Combine(TestText.RepositoryRoot, "artifacts", "tools", "csharp-ls");
        var server = Path.Combine(tools, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        if (!File.Exists(server))
        {
            var install = ProcessRunner.Run("dotnet", $"tool install csharp-ls --version 0.28.0 --tool-path \"{tools}\"", TestText.RepositoryRoot);
            Skip.If(install.ExitCode != 0, "csharp-ls 0.28.0 could not be installed from the NuGet feed:\n" + install.Output);
        }

        var sample = Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo");
        var build = ProcessRunner.Run("dotnet", "build -nologo -p:UseSharedCompilation=false", sample);
        Assert.True(build.ExitCode == 0, build.Output);

        using var client = new LspClient(server, string.Empty, sample);
        await client.InitializeAsync(sample);
        var program = Path.Combine(sample, "Program.cs");
        var text = File.ReadAllText(program);
        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(program).AbsoluteUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("Aleppo.EmergencySession", StringComparison.Ordinal));
        var character = lines[line].IndexOf("EmergencySession", StringComparison.Ordinal) + 2;
        JsonNode? location = null;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (location is null && DateTime.UtcNow < deadline)
        {
            // The server loads the project in the background; until then it finds nothing.
            var response = await client.RequestAsync("textDocument/definition", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = new Uri(program).AbsoluteUri },
                ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
            });
            location = response["result"] is JsonArray { Count: > 0 } found ? found[0] : response["result"] as JsonObject;
            if (location is null)
            {
                await Task.Delay(2000);
            }
        }

        Assert.NotNull(location);
        var meeting = File.ReadAllText(Path.Combine(sample, "aleppo-2016-09-25.stmt")).Split('\n');
        Assert.Equal(new Uri(Path.Combine(sample, "aleppo-2016-09-25.stmt")).AbsoluteUri, location!["uri"]!.GetValue<string>());
        var declaration = Array.FindIndex(meeting, l => l.StartsWith("meeting emergency_session", StringComparison.Ordinal));
        Assert.Equal(declaration, location["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal("meeting ".Length, location["range"]!["start"]!["character"]!.GetValue<int>());
    }
}
