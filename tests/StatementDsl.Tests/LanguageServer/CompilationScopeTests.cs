using System.Text.Json.Nodes;
using StatementDsl.Tests.Cli;

namespace StatementDsl.Tests.LanguageServer;

/// <summary>The editor binds the compilations the build makes, with the build's severities (issue: a repository root opened in the editor).</summary>
public class CompilationScopeTests
{
    private static async Task<LspClient> StartAsync(string? folder)
    {
        var client = new LspClient();
        await client.InitializeAsync(folder);
        return client;
    }

    private static string Uri(string folder, string path) => new Uri(Path.Combine(folder, path)).AbsoluteUri;

    private static string[] Codes(JsonArray diagnostics) =>
        diagnostics.Select(d => d!["code"]!.GetValue<string>() + " " + d["severity"]!.GetValue<int>()).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task A_repository_root_shows_what_each_project_build_shows_and_no_false_duplicates()
    {
        const string roster = "person jaafari { name: \"بشار الجعفري\" }\n";
        const string fixture = "person jaafari { name: \"a fixture with the same id\" }\nstatement s { by: jaafari  date: 2016 }\n";
        var root = CliRunner.TempFolder(
            ("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n"),
            ("src/App/roster.stmt", roster),
            ("src/App/talks/meeting.stmt", "statement t { by: jaafari  date: 2016-09-25 }\n"),
            ("src/App/bin/Debug/roster.stmt", roster),
            ("src/App/.editorconfig", "root = true\n[*.stmt]\ndotnet_diagnostic.STMT1001.severity = error\n"),
            ("src/App/posts.stmt", "statement nobody_said { date: 2016 }\n"),
            ("tests/Fixtures/Fixtures.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <EnableDefaultStatementItems>false</EnableDefaultStatementItems>\n  </PropertyGroup>\n  <ItemGroup>\n    <AdditionalFiles Include=\"cases/*.stmt\" />\n  </ItemGroup>\n</Project>\n"),
            ("tests/Fixtures/cases/duplicate.stmt", fixture),
            ("tests/Fixtures/other/not-an-input.stmt", "statement u { by: nobody  date: 2016 }\n"),
            ("notes/loose.stmt", "statement v { by: jaafari  date: 2016 }\n"));
        using var client = await StartAsync(root);

        var latest = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        Assert.True(client.DrainDiagnostics(latest, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60)));

        // The app's files bind together (the reference in talks/ resolves); its bin/ copy is not read.
        Assert.Empty(latest[Uri(root, "src/App/talks/meeting.stmt")]);
        Assert.False(latest.ContainsKey(Uri(root, "src/App/bin/Debug/roster.stmt")));
        // The app's .editorconfig makes STMT1001 an error, as in its build.
        Assert.Equal(["STMT1001 1"], Codes(latest[Uri(root, "src/App/posts.stmt")]));
        // The fixture project declares jaafari again: no STMT1004, it is another compilation.
        Assert.Empty(latest[Uri(root, "tests/Fixtures/cases/duplicate.stmt")]);
        // Not an input of its project (EnableDefaultStatementItems=false): checked alone, the unknown id said once, as information.
        Assert.Equal(["STMT1003 3"], Codes(latest[Uri(root, "tests/Fixtures/other/not-an-input.stmt")]));
        // A folder with no project is one compilation of the workspace folder: jaafari is not declared there.
        Assert.Equal(["STMT1003 1"], Codes(latest[Uri(root, "notes/loose.stmt")]));

        var check = CliRunner.Run("check", Path.Combine(root, "src", "App"));
        Assert.Contains("error STMT1001", check.Output, StringComparison.Ordinal);
        Assert.Equal(1, check.ExitCode);
    }

    [Fact]
    public async Task Semantic_tokens_colour_what_the_parser_read_and_code_lenses_count_references()
    {
        const string text = "// roster\nperson jaafari { name: \"بشار\" }\nstatement s {\n  by: jaafari  date: 2016-09-25  via: press\n  quote: \"\"\"\n    سطر\n    \"\"\"\n}\nstatement t { by: jaafari  date: 2016 }\n";
        var folder = CliRunner.TempFolder(("talk.stmt", text));
        using var client = await StartAsync(folder);
        var uri = Uri(folder, "talk.stmt");
        var document = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } };

        var data = (await client.RequestAsync("textDocument/semanticTokens/full", document))["result"]!["data"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        var decoded = new List<string>();
        int line = 0, column = 0;
        for (var i = 0; i < data.Length; i += 5)
        {
            column = data[i] == 0 ? column + data[i + 1] : data[i + 1];
            line += data[i];
            var source = text.Split('\n')[line];
            decoded.Add(source.Substring(column, data[i + 2]) + "=" + new[] { "keyword", "property", "variable", "enumMember", "string", "number", "comment" }[data[i + 3]] + (data[i + 4] == 1 ? "*" : string.Empty));
        }

        Assert.Equal(
            ["// roster=comment", "person=keyword", "jaafari=variable*", "name=property", "\"بشار\"=string", "statement=keyword", "s=variable*", "by=property", "jaafari=variable",
             "date=property", "2016-09-25=number", "via=property", "press=enumMember", "quote=property", "\"\"\"=string", "    سطر=string", "    \"\"\"=string",
             "statement=keyword", "t=variable*", "by=property", "jaafari=variable", "date=property", "2016=number"],
            decoded);

        var lenses = (await client.RequestAsync("textDocument/codeLens", document.DeepClone()))["result"]!.AsArray();
        Assert.Equal(["2 references", "0 references", "0 references"], lenses.Select(l => l!["command"]!["title"]!.GetValue<string>()));
        Assert.Equal(1, lenses[0]!["range"]!["start"]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_file_opened_without_a_folder_reports_its_unresolved_references_once()
    {
        var folder = CliRunner.TempFolder();
        using var client = await StartAsync(null);
        const string text = "meeting m {\n  date: 2016-09-25\n  speech a { by: jaafari }\n  speech b { by: rycroft }\n  walkout { by: [jaafari, rycroft]  during: a }\n}\n";
        var uri = Uri(folder, "meeting.stmt");
        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "stmt", ["version"] = 1, ["text"] = text },
        });
        var diagnostic = Assert.Single(client.WaitForDiagnostics(uri, d => d.Count > 0));
        Assert.Equal("STMT1003", diagnostic!["code"]!.GetValue<string>());
        Assert.Equal(3, diagnostic["severity"]!.GetValue<int>());
        Assert.Contains("4 reference(s)", diagnostic["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, diagnostic["range"]!["start"]!["line"]!.GetValue<int>());
    }
}
