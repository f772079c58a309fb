using System.Text.Json.Nodes;
using StatementDsl.Tests.Cli;

namespace StatementDsl.Tests.LanguageServer;

/// <summary>Drives <c>stmt lsp</c> over its real stdio transport, as an editor would.</summary>
public class LanguageServerTests
{
    private const string Roster = "person jaafari { name: \"بشار الجعفري\"  name@en: \"Bashar al-Jaafari\" }\norg syria { name: \"سوريا\" }\n";
    private const string Meeting = "meeting m {\n  date: 2016-09-25\n  speech s { by: jafari  quote: \"q\" }\n}\n";

    private static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private static async Task<(LspClient Client, string RosterUri, string MeetingUri)> StartAsync()
    {
        var folder = CliRunner.TempFolder(("roster.stmt", Roster), ("talks/meeting.stmt", Meeting));
        var client = new LspClient();
        var initialize = await client.InitializeAsync(folder);
        Assert.True(initialize["result"]!["capabilities"]!["definitionProvider"]!.GetValue<bool>());
        return (client, new Uri(Path.Combine(folder, "roster.stmt")).AbsoluteUri, new Uri(Path.Combine(folder, "talks", "meeting.stmt")).AbsoluteUri);
    }

    [Fact]
    public async Task Folding_workspace_symbols_highlights_and_folders_added_later()
    {
        var (client, rosterUri, meetingUri) = await StartAsync();
        using var _ = client;

        var folds = await client.RequestAsync("textDocument/foldingRange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = meetingUri } });
        var fold = Assert.Single(folds["result"]!.AsArray());
        Assert.Equal(0, fold!["startLine"]!.GetValue<int>());
        Assert.Equal(3, fold["endLine"]!.GetValue<int>());

        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "JAA" });
        var symbol = Assert.Single(symbols["result"]!.AsArray());
        Assert.Equal("jaafari", symbol!["name"]!.GetValue<string>());
        Assert.Equal(rosterUri, symbol["location"]!["uri"]!.GetValue<string>());

        var highlights = await client.RequestAsync("textDocument/documentHighlight", Position(rosterUri, 0, 8));
        Assert.Equal(3, Assert.Single(highlights["result"]!.AsArray())!["kind"]!.GetValue<int>());

        // A folder added to the workspace later is checked, as its own compilation (it has no project);
        // removed, its diagnostics are cleared.
        var later = CliRunner.TempFolder(("more.stmt", "statement p { by: jaafari  date: 2016 }\n"));
        var laterUri = new Uri(Path.Combine(later, "more.stmt")).AbsoluteUri;
        client.Notify("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["added"] = new JsonArray(new JsonObject { ["uri"] = new Uri(later + "/").AbsoluteUri, ["name"] = "later" }),
                ["removed"] = new JsonArray(),
            },
        });
        Assert.Equal("STMT1003", Assert.Single(client.WaitForDiagnostics(laterUri, d => d.Count == 1))!["code"]!.GetValue<string>());
        client.Notify("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["added"] = new JsonArray(),
                ["removed"] = new JsonArray(new JsonObject { ["uri"] = new Uri(later + "/").AbsoluteUri, ["name"] = "later" }),
            },
        });
        client.WaitForDiagnostics(laterUri, d => d.Count == 0);
    }

    [Fact]
    public async Task Completion_filters_by_the_typed_prefix_and_offers_nothing_inside_prose()
    {
        const string roster = "person jaafari { name: \"بشار الجعفري\" }\nperson jalal { name: \"جلال\" }\norg japan { name: \"اليابان\" }\norg syria { name: \"سوريا\" }\n";
        const string meeting = """"
            meeting m {
              date: 2016-09-25
              kind: emer
              speech s { by: ja  quote: "قال إن الحكومة" }
              // a comment, by: ja
              speech t {
                by: jaafari
                paraphrase: """
                  قال إن
                  """
                to: [syria, ja]
              }
            }

            """";
        var folder = CliRunner.TempFolder(("roster.stmt", roster), ("meeting.stmt", meeting));
        using var client = new LspClient();
        var initialize = await client.InitializeAsync(folder);
        var triggers = initialize["result"]!["capabilities"]!["completionProvider"]!["triggerCharacters"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.DoesNotContain(" ", triggers);
        var uri = new Uri(Path.Combine(folder, "meeting.stmt")).AbsoluteUri;

        async Task<JsonArray> Complete(int line, int character) =>
            (await client.RequestAsync("textDocument/completion", Position(uri, line, character)))["result"]!.AsArray();
        static List<string> Labels(JsonArray items) => items.Select(i => i!["label"]!.GetValue<string>()).ToList();

        var ids = await Complete(3, 19);
        Assert.Equal(["jaafari", "jalal", "japan"], Labels(ids).Order(StringComparer.Ordinal));
        var ranked = ids.OrderBy(i => i!["sortText"]!.GetValue<string>(), StringComparer.Ordinal).Select(i => i!["label"]!.GetValue<string>()).ToList();
        Assert.Equal("japan", ranked[^1]);
        Assert.Equal(17, ids[0]!["textEdit"]!["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal(19, ids[0]!["textEdit"]!["range"]!["end"]!["character"]!.GetValue<int>());

        Assert.Equal(["emergency"], Labels(await Complete(2, 12)));
        Assert.Equal(["jaafari", "jalal", "japan"], Labels(await Complete(10, 18)).Order(StringComparer.Ordinal));
        Assert.Empty(await Complete(3, 32));
        Assert.Empty(await Complete(4, 22));
        Assert.Empty(await Complete(8, 9));
        Assert.Contains("quote", Labels(await Complete(7, 4)));
        Assert.Equal(["speech"], Labels(await Complete(5, 5)));
    }

    [Fact]
    public async Task Diagnostics_definition_references_rename_hover_completion_symbols_formatting_and_fixes()
    {
        var (client, rosterUri, meetingUri) = await StartAsync();
        using var _ = client;

        var initial = client.WaitForDiagnostics(meetingUri, d => d.Count == 1);
        Assert.Equal("STMT1003", initial[0]!["code"]!.GetValue<string>());
        Assert.Equal(2, initial[0]!["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(17, initial[0]!["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.EndsWith("STMT1003.md", initial[0]!["codeDescription"]!["href"]!.GetValue<string>(), StringComparison.Ordinal);

        var fixes = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = meetingUri },
            ["range"] = initial[0]!["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(initial[0]!.DeepClone()) },
        });
        Assert.Equal("Change 'jafari' to 'jaafari'", fixes["result"]![0]!["title"]!.GetValue<string>());

        client.Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = meetingUri, ["languageId"] = "stmt", ["version"] = 1, ["text"] = Meeting } });
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = meetingUri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 2, ["character"] = 17 }, ["end"] = new JsonObject { ["line"] = 2, ["character"] = 23 } },
                ["text"] = "jaafari",
            }),
        });
        client.WaitForDiagnostics(meetingUri, d => d.Count == 0);

        var definition = await client.RequestAsync("textDocument/definition", Position(meetingUri, 2, 19));
        Assert.Equal(rosterUri, definition["result"]!["uri"]!.GetValue<string>());
        Assert.Equal(0, definition["result"]!["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(7, definition["result"]!["range"]!["start"]!["character"]!.GetValue<int>());

        var references = await client.RequestAsync("textDocument/references", Position(rosterUri, 0, 8).Also(p => p["context"] = new JsonObject { ["includeDeclaration"] = true }));
        Assert.Equal(2, references["result"]!.AsArray().Count);

        var prepare = await client.RequestAsync("textDocument/prepareRename", Position(rosterUri, 0, 8));
        Assert.Equal("jaafari", prepare["result"]!["placeholder"]!.GetValue<string>());
        var rename = await client.RequestAsync("textDocument/rename", Position(rosterUri, 0, 8).Also(p => p["newName"] = "al_jaafari"));
        var changes = rename["result"]!["changes"]!.AsObject();
        Assert.Equal(2, changes.Count);
        Assert.Equal("al_jaafari", changes[meetingUri]![0]!["newText"]!.GetValue<string>());
        var badRename = await client.RequestAsync("textDocument/rename", Position(rosterUri, 0, 8).Also(p => p["newName"] = "not valid"));
        Assert.NotNull(badRename["error"]);
        var taken = await client.RequestAsync("textDocument/rename", Position(rosterUri, 0, 8).Also(p => p["newName"] = "syria"));
        Assert.Contains("STMT1004", taken["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var clash = await client.RequestAsync("textDocument/rename", Position(rosterUri, 0, 8).Also(p => p["newName"] = "Syria"));
        Assert.Contains("STMT1012", clash["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var hover = await client.RequestAsync("textDocument/hover", Position(meetingUri, 2, 19));
        var markdown = hover["result"]!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("**person** `jaafari`", markdown, StringComparison.Ordinal);
        Assert.Contains("بشار الجعفري", markdown, StringComparison.Ordinal);
        Assert.Contains("Bashar al-Jaafari (en)", markdown, StringComparison.Ordinal);
        Assert.Contains("1 reference", markdown, StringComparison.Ordinal);

        var completion = await client.RequestAsync("textDocument/completion", Position(meetingUri, 2, 17));
        var labels = completion["result"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();
        Assert.Contains("jaafari", labels);
        Assert.Contains("syria", labels);
        var fields = await client.RequestAsync("textDocument/completion", Position(meetingUri, 1, 0));
        Assert.Contains("speech", fields["result"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()));
        Assert.Contains("convened_by", fields["result"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()));

        var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = meetingUri } });
        Assert.Equal("m", symbols["result"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("s", symbols["result"]![0]!["children"]![0]!["name"]!.GetValue<string>());

        var formatting = await client.RequestAsync("textDocument/formatting", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = rosterUri }, ["options"] = new JsonObject() });
        Assert.Equal("person jaafari { name: \"بشار الجعفري\"  name@en: \"Bashar al-Jaafari\" }\norg syria { name: \"سوريا\" }\n", Roster);
        Assert.Empty(formatting["result"]!.AsArray());

        await client.RequestAsync("shutdown", null);
        client.Notify("exit", null);
        client.WaitForExit();
        Assert.Equal(0, client.ExitCode);
    }

    [Fact]
    public async Task Deleting_a_person_flags_its_uses_in_other_files()
    {
        var (client, rosterUri, meetingUri) = await StartAsync();
        using var _ = client;
        client.WaitForDiagnostics(meetingUri, d => d.Count == 1);
        client.Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = rosterUri, ["languageId"] = "stmt", ["version"] = 1, ["text"] = Roster } });
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = rosterUri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "person jafari { name: \"x\" }\n" }),
        });
        client.WaitForDiagnostics(meetingUri, d => d.Count == 0);
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = rosterUri, ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = string.Empty }),
        });
        client.WaitForDiagnostics(meetingUri, d => d.Count == 1 && d[0]!["code"]!.GetValue<string>() == "STMT1003");
    }

    [Fact]
    public async Task Malformed_messages_get_errors_and_the_server_keeps_serving()
    {
        using var client = new LspClient();
        var early = await client.RequestAsync("textDocument/hover", new JsonObject());
        Assert.Equal(-32002, early["error"]!["code"]!.GetValue<int>());
        await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });

        client.SendRaw("{ this is not json");
        client.SendRaw("[1, 2, 3]");
        var unknown = await client.RequestAsync("workspace/unknownThing", new JsonObject());
        Assert.Equal(-32601, unknown["error"]!["code"]!.GetValue<int>());
        var failing = await client.RequestAsync("textDocument/definition", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = 42 } });
        Assert.NotNull(failing["error"]);

        var (id, response) = client.Start("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///nowhere.stmt" } });
        client.Notify("$/cancelRequest", new JsonObject { ["id"] = id });
        var cancelled = await response;
        Assert.True(cancelled["result"] is not null || cancelled["error"]!["code"]!.GetValue<int>() == -32800);

        var alive = await client.RequestAsync("shutdown", null);
        Assert.Null(alive["error"]);
    }

    [Fact]
    public async Task Memberships_are_checked_across_files_completed_and_shown_on_hover()
    {
        const string roster = "org syria { name: \"سوريا\" }\nperson jaafari {\n  name: \"بشار الجعفري\"\n  membership { org: syria  from: 2006  until: 2020 }\n}\n";
        const string statement = "statement s { by: jaafari  date: 2021-03-01T10:00+03:00  on_behalf_of: syria }\n";
        var folder = CliRunner.TempFolder(("roster.stmt", roster), ("later.stmt", statement));
        using var client = new LspClient();
        await client.InitializeAsync(folder);
        var rosterUri = new Uri(Path.Combine(folder, "roster.stmt")).AbsoluteUri;
        var laterUri = new Uri(Path.Combine(folder, "later.stmt")).AbsoluteUri;

        var reported = client.WaitForDiagnostics(laterUri, d => d.Count == 1);
        Assert.Equal("STMT1016", reported[0]!["code"]!.GetValue<string>());
        Assert.Equal(0, reported[0]!["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(71, reported[0]!["range"]!["start"]!["character"]!.GetValue<int>());

        // Correcting the roster clears the other file's warning: the rule is re-checked across files.
        client.Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = rosterUri, ["languageId"] = "stmt", ["version"] = 1, ["text"] = roster } });
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = rosterUri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = roster.Replace("until: 2020", "until: 2022", StringComparison.Ordinal) }),
        });
        Assert.Empty(client.WaitForDiagnostics(laterUri, d => d.Count == 0));

        var hover = await client.RequestAsync("textDocument/hover", Position(rosterUri, 1, 9));
        Assert.Contains("memberships:\n- syria · 2006 – 2022", hover["result"]!["contents"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);

        var completion = await client.RequestAsync("textDocument/completion", Position(rosterUri, 3, 20));
        Assert.Contains("syria", completion["result"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()));
        await client.RequestAsync("shutdown", null);
        client.Notify("exit", null);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject value, Action<JsonObject> change)
    {
        change(value);
        return value;
    }
}
