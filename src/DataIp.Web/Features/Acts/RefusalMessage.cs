namespace DataIp.Web.Features.Acts;

/// <summary>
/// A refusal's sentence, named by its key and filled with its arguments, worded when it is shown:
/// in English for the API, in the page's language for a page (<see cref="RefusalText"/>). An
/// argument may be a value (a number, a name, a day, an instant), an enum the pages have words for
/// (a state, a trigger, an actor, a right, a role…), another message (a clause), or a
/// <see cref="RefusalList"/>.
/// </summary>
/// <param name="Key">The sentence's key.</param>
/// <param name="Args">Its arguments, in the order of its placeholders.</param>
public sealed record RefusalMessage(RefusalKey Key, params object?[] Args)
{
    /// <summary>
    /// For a sentence another part wrote in English (a domain validator's): the API says it as it
    /// is, and a page says <see cref="Key"/> instead, in its own language.
    /// </summary>
    public string? ApiWords { get; private init; }

    /// <summary>The content validator's problem this message is about, which a page words itself (<c>Pages/Drafts/ContentText</c>).</summary>
    public ContentProblem? Problem { get; private init; }

    /// <summary>The attachment store's refusal this message is about, which a page words itself (<c>Pages/AttachmentText</c>).</summary>
    public AttachmentRefusal? Upload { get; private init; }

    /// <summary>A sentence another part wrote in English, which the API keeps; a page says <paramref name="key"/>.</summary>
    /// <param name="english">The sentence for the API.</param>
    /// <param name="key">What a page says instead.</param>
    /// <param name="args">The arguments of <paramref name="key"/>.</param>
    /// <returns>The message.</returns>
    public static RefusalMessage Worded(string english, RefusalKey key, params object?[] args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(english);
        return new(key, args) { ApiWords = english };
    }

    /// <summary>
    /// A problem the content validator found: the API says its English sentence; a page words its
    /// code and facts in its own language, with the field's label as subject.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The message.</returns>
    public static RefusalMessage Content(ContentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(RefusalKey.ContentFieldInvalid) { ApiWords = problem.English, Problem = problem };
    }

    /// <summary>
    /// The attachment store's refusal of an upload: the API says its English sentence (after the
    /// file's name as the client declared it, when <paramref name="declaredFileName"/> is given, as
    /// <see cref="RefusalKey.FileRefused"/> words it); a page words its code and facts in its own
    /// language, naming the file.
    /// </summary>
    /// <param name="refusal">The store's refusal.</param>
    /// <param name="declaredFileName">The file's name for the API, where several files are uploaded at once.</param>
    /// <returns>The message.</returns>
    public static RefusalMessage Attachment(AttachmentRefusal refusal, string? declaredFileName = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var english = declaredFileName is null ? refusal.Message
            : RefusalText.ForApi(new RefusalMessage(RefusalKey.FileRefused, declaredFileName, refusal.Message));
        return new(RefusalKey.AttachmentNotAccepted) { ApiWords = english, Upload = refusal };
    }

    /// <inheritdoc/>
    public bool Equals(RefusalMessage? other) =>
        other is not null && Key == other.Key && ApiWords == other.ApiWords && Problem == other.Problem && Upload == other.Upload && Args.SequenceEqual(other.Args);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, ApiWords, Args.Length);
}

/// <summary>Items written one after the other, with the separator <paramref name="Separator"/> names ("、" or ", ").</summary>
/// <param name="Separator">The key of the separator.</param>
/// <param name="Items">The items, each an argument as in <see cref="RefusalMessage"/>.</param>
public sealed record RefusalList(RefusalKey Separator, IReadOnlyList<object?> Items);
