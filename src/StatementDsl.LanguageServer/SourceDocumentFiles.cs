using StatementDsl.Language;
using StatementDsl.Language.Provenance;

namespace StatementDsl.LanguageServer;

/// <summary>Source documents read from disk as UTF-8, for <c>stmt check</c> and the editor (a build reads additional files instead).</summary>
public static class SourceDocumentFiles
{
    public static SourceDocuments Create() => new(Read);

    public static SourceDocumentText Read(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return SourceDocumentText.Unreadable("does not exist (it is looked for relative to the .stmt file)");
            }

            return new FileInfo(path).Length > Limits.MaxSourceDocumentBytes
                ? SourceDocumentText.Unreadable(SourceDocuments.TooLarge)
                : SourceDocumentText.Found(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return SourceDocumentText.Unreadable("cannot be read: " + exception.Message);
        }
    }
}
