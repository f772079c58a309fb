using StatementDsl.Tests.Cli;

namespace StatementDsl.Tests.Render;

/// <summary><c>stmt render --to html</c>: the sample as a website, opened in a real headless browser.</summary>
public class RenderTests
{
    private static readonly string SampleFolder = Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo");

    private static string RenderSample()
    {
        var site = Path.Combine(CliRunner.TempFolder(), "site");
        var (exitCode, output, error) = CliRunner.Run("render", "--to", "html", SampleFolder, "-o", site);
        Assert.True(exitCode == 0, output + error);
        return site;
    }

    private static string FileUrl(string path) => new Uri(path).AbsoluteUri;

    [SkippableFact]
    public async Task The_rendered_sample_reads_in_a_real_browser_links_resolve_and_nothing_leaves_the_site()
    {
        Skip.If(HeadlessBrowser.Executable is null, "Chromium is not installed (.ci/run installs Debian's chromium package)");
        var site = RenderSample();
        var siteUrl = FileUrl(site + "/");
        using var browser = await HeadlessBrowser.StartAsync();

        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 16, string.Join(", ", pages));
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            await browser.NavigateAsync(FileUrl(page));
            var links = (await browser.EvaluateAsync("Array.from(document.querySelectorAll('a[href]'), a => a.href)"))!.AsArray().Select(l => l!.GetValue<string>()).ToList();
            foreach (var link in links.Where(l => l.StartsWith("file:", StringComparison.Ordinal)))
            {
                var target = new Uri(link);
                var file = Uri.UnescapeDataString(target.AbsolutePath);
                Assert.True(File.Exists(file), $"{page} links to {link}, which does not exist");
                if (target.Fragment.Length > 1)
                {
                    var id = Uri.UnescapeDataString(target.Fragment[1..]);
                    Assert.True(File.ReadAllText(file).Contains($"id=\"{id}\"", StringComparison.Ordinal), $"{page} links to {link}, whose fragment is not on the page");
                }

                checkedLinks++;
            }

            Assert.All(browser.Requests, request => Assert.StartsWith(siteUrl, request, StringComparison.Ordinal));
        }

        Assert.True(checkedLinks > 100, checkedLinks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task Search_finds_arabic_and_english_words_and_arabic_quotes_read_right_to_left()
    {
        Skip.If(HeadlessBrowser.Executable is null, "Chromium is not installed (.ci/run installs Debian's chromium package)");
        var site = RenderSample();
        using var browser = await HeadlessBrowser.StartAsync();

        async Task<List<string>> Search(string query)
        {
            await browser.NavigateAsync(FileUrl(Path.Combine(site, "search.html")) + "?q=" + Uri.EscapeDataString(query));
            return (await browser.EvaluateAsync("Array.from(document.querySelectorAll('#results a'), a => a.getAttribute('href'))"))!
                .AsArray().Select(h => h!.GetValue<string>()).ToList();
        }

        Assert.Equal(["statements/delattre_remarks.html"], await Search("سراييفو"));
        Assert.Equal(["meetings/emergency_session.html#speech-jaafari_speech"], await Search("التماسيح"));
        // Harakat typed by the reader do not hide a match, as in quote checks.
        Assert.Equal(["meetings/emergency_session.html#speech-jaafari_speech"], await Search("التَّماسيح"));
        Assert.Equal(["statements/rycroft_post.html"], await Search("Rycroft"));
        Assert.Equal(["meetings/emergency_session.html#speech-de_mistura_speech"], await Search("de Mistura حلب"));
        Assert.Empty(await Search("Kinshasa"));
        Assert.Equal("Nothing found.", (await browser.EvaluateAsync("document.getElementById('status').textContent"))!.GetValue<string>());

        const string direction = "(selector => { const e = document.querySelector(selector); return [e.getAttribute('dir'), getComputedStyle(e).direction, document.documentElement.dir]; })";
        await browser.NavigateAsync(FileUrl(Path.Combine(site, "meetings", "emergency_session.html")));
        Assert.Equal("[\"rtl\",\"rtl\",\"rtl\"]", (await browser.EvaluateAsync(direction + "('#speech-jaafari_speech blockquote.quote')"))!.ToJsonString());
        var screenshot = Path.Combine(TestText.RepositoryRoot, "artifacts", "render", "aleppo-meeting.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await File.WriteAllBytesAsync(screenshot, await browser.ScreenshotAsync());

        // The same Arabic quote inside an English page: the page reads left to right, the quote right to left.
        await browser.NavigateAsync(FileUrl(Path.Combine(site, "people", "jaafari.html")));
        Assert.Equal("[\"rtl\",\"rtl\",\"ltr\"]", (await browser.EvaluateAsync(direction + "('blockquote.quote')"))!.ToJsonString());
        Assert.Equal("ltr", (await browser.EvaluateAsync("getComputedStyle(document.querySelector('main h2')).direction"))!.GetValue<string>());
    }

    [Fact]
    public void Pages_are_readable_without_script_and_the_same_input_gives_the_same_bytes()
    {
        var first = RenderSample();
        var second = RenderSample();
        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, f)), File.ReadAllBytes(Path.Combine(second, f))));

        var meeting = File.ReadAllText(Path.Combine(first, "meetings", "emergency_session.html"));
        Assert.DoesNotContain("<script", meeting, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"rtl\">", meeting, StringComparison.Ordinal);
        Assert.Contains("<blockquote class=\"quote\" lang=\"ar\" dir=\"rtl\">", meeting, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\">", meeting, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Site\">", meeting, StringComparison.Ordinal);
        Assert.Contains("Walkout</span> by", meeting, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", meeting);
        Assert.Contains("needs JavaScript", File.ReadAllText(Path.Combine(first, "search.html")), StringComparison.Ordinal);
        Assert.Contains("@media print", File.ReadAllText(Path.Combine(first, "site.css")), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lists_and_busy_speakers_are_paged_so_no_page_grows_with_the_archive()
    {
        var text = new System.Text.StringBuilder("person jaafari { name: \"بشار الجعفري\" }\n");
        for (var i = 0; i < 450; i++)
        {
            text.Append("meeting m").Append(i).Append(" { date: 2016-09-25  speech s").Append(i).Append(" { by: jaafari  quote: \"كلمة رقم ").Append(i).Append("\" } }\n");
        }

        var site = Path.Combine(CliRunner.TempFolder(), "site");
        Assert.Equal(0, CliRunner.Run("render", "--to", "html", CliRunner.TempFolder(("archive.stmt", text.ToString())), "-o", site).ExitCode);
        Assert.True(File.Exists(Path.Combine(site, "lists", "meetings-3.html")));
        Assert.False(File.Exists(Path.Combine(site, "lists", "meetings-4.html")));
        Assert.True(File.Exists(Path.Combine(site, "people", "jaafari.9.html")));
        Assert.False(File.Exists(Path.Combine(site, "people", "jaafari.10.html")));
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories);
        Assert.All(pages, page => Assert.True(new FileInfo(page).Length < 150_000, page));
        foreach (var page in pages)
        {
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(page), "href=\"([^\"#]+)(#[^\"]*)?\""))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(link.Groups[1].Value)));
                Assert.True(File.Exists(target), $"{page} links to {link.Value}");
            }
        }
    }

    [Fact]
    public void Render_refuses_a_folder_it_did_not_write_and_replaces_one_it_did()
    {
        var foreign = CliRunner.TempFolder(("notes.txt", "mine"));
        var (exitCode, _, error) = CliRunner.Run("render", "--to", "html", SampleFolder, "-o", foreign);
        Assert.Equal(2, exitCode);
        Assert.Contains("not empty and was not written by 'stmt render'", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(foreign, "notes.txt")));

        var site = RenderSample();
        File.WriteAllText(Path.Combine(site, "stale.html"), "old");
        Assert.Equal(0, CliRunner.Run("render", "--to", "html", SampleFolder, "-o", site).ExitCode);
        Assert.False(File.Exists(Path.Combine(site, "stale.html")));

        var inputs = CliRunner.TempFolder(("a.stmt", "person a { name: \"A\" }\n"));
        Assert.Equal(2, CliRunner.Run("render", "--to", "html", inputs, "-o", Path.GetDirectoryName(inputs)!).ExitCode);
    }
}
