using System.Globalization;
using System.Text;

namespace DataIp.Domain.Search;

/// <summary>A term of a search query: an indexed term equal to <see cref="Text"/>, or, when <see cref="Prefix"/>, starting with it.</summary>
/// <param name="Text">The folded term.</param>
/// <param name="Prefix">Whether any indexed term starting with the text matches.</param>
public readonly record struct QueryTerm(string Text, bool Prefix);

/// <summary>
/// The terms under which the register's text is indexed and searched, needing no word segmentation
/// (as Lucene's CJKAnalyzer): Chinese, Japanese and Korean text is indexed as overlapping
/// character bigrams, so a query of two or three characters matches inside longer text; other
/// letters and digits as words, case- and accent-insensitively. One source for the index and the
/// query, so the two cannot disagree.
/// </summary>
/// <remarks>
/// <para>Folding: compatibility normalisation (NFKC: full-width Latin and digits become ASCII,
/// half-width katakana full-width), lower case (invariant), and combining marks removed from
/// non-CJK letters ("Café" is "cafe"; the voicing marks of kana are kept: データ is not テータ).
/// Ill-formed UTF-16 (a lone surrogate) is a separator, never an error.</para>
/// <para>Index terms: every bigram of each CJK run, and the run's last character alone (so that a
/// one-character query, matched as a prefix, finds the character wherever it stands); each other
/// word whole, at most <see cref="MaxTermLength"/> characters.</para>
/// <para>Query terms: a CJK run of two or more characters is its bigrams, each matched exactly (all
/// must be present: "交通" matches "深圳市交通运输", "深运" does not); a single CJK character and
/// every other word match as prefixes ("data" finds "dataset"; "44" finds "4403"). A document
/// matches when every query term does. Pure and thread-safe.</para>
/// </remarks>
public static class SearchTerms
{
    /// <summary>The longest term, in UTF-16 code units; a longer word is cut (at a character boundary).</summary>
    public const int MaxTermLength = 64;

    /// <summary>The most terms a query is read for; the rest of a longer query is ignored.</summary>
    public const int MaxQueryTerms = 16;

    /// <summary>The terms a text is indexed under, each once, in order of first occurrence.</summary>
    /// <param name="text">Any text; null or blank gives none.</param>
    /// <returns>The terms.</returns>
    public static IReadOnlyList<string> ForIndex(string? text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (run, cjk) in Runs(text))
        {
            if (cjk)
            {
                for (var i = 0; i + 1 < run.Count; i++)
                {
                    Add(run[i].ToString() + run[i + 1].ToString());
                }

                Add(run[^1].ToString());
            }
            else
            {
                Add(Word(run));
            }
        }

        return terms;

        void Add(string term)
        {
            if (seen.Add(term))
            {
                terms.Add(term);
            }
        }
    }

    /// <summary>The terms a query is matched by (at most <see cref="MaxQueryTerms"/>), each once.</summary>
    /// <param name="query">What the user typed; null or blank gives none (which matches everything).</param>
    /// <returns>The terms.</returns>
    public static IReadOnlyList<QueryTerm> ForQuery(string? query)
    {
        var terms = AllQueryTerms(query);
        return terms.Count > MaxQueryTerms ? terms[..MaxQueryTerms] : terms;
    }

    /// <summary>How many distinct terms the query has, counting those beyond <see cref="MaxQueryTerms"/> (so that an edge may refuse a longer query rather than cut it).</summary>
    /// <param name="query">What the user typed.</param>
    /// <returns>The number of terms.</returns>
    public static int QueryTermCount(string? query) => AllQueryTerms(query).Count;

    private static List<QueryTerm> AllQueryTerms(string? query)
    {
        var terms = new List<QueryTerm>();
        foreach (var (run, cjk) in Runs(query))
        {
            if (cjk && run.Count > 1)
            {
                for (var i = 0; i + 1 < run.Count; i++)
                {
                    Add(new QueryTerm(run[i].ToString() + run[i + 1].ToString(), Prefix: false));
                }
            }
            else
            {
                Add(new QueryTerm(cjk ? run[0].ToString() : Word(run), Prefix: true));
            }
        }

        return terms;

        void Add(QueryTerm term)
        {
            if (!terms.Contains(term))
            {
                terms.Add(term);
            }
        }
    }

    /// <summary>Whether a document indexed under <paramref name="indexed"/> matches every term of a query (the rule the database's search applies).</summary>
    /// <param name="indexed">The document's index terms (<see cref="ForIndex"/>).</param>
    /// <param name="query">The query's terms (<see cref="ForQuery"/>).</param>
    /// <returns>True when each query term matches an index term.</returns>
    public static bool Matches(IReadOnlyCollection<string> indexed, IReadOnlyList<QueryTerm> query)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentNullException.ThrowIfNull(query);
        return query.All(q => q.Prefix ? indexed.Any(t => t.StartsWith(q.Text, StringComparison.Ordinal)) : indexed.Contains(q.Text));
    }

    /// <summary>The text folded as the index folds it: NFKC, lower case, accents removed from non-CJK letters.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The folded text (ill-formed UTF-16 replaced by U+FFFD).</returns>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Lone surrogates become U+FFFD first: Normalize refuses ill-formed text.
        var wellFormed = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            wellFormed.Append(rune.ToString());
        }

        var decomposed = wellFormed.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var baseIsCjk = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                if (baseIsCjk)
                {
                    folded.Append(rune.ToString());
                }

                continue;
            }

            baseIsCjk = IsCjk(rune);
            folded.Append(rune.ToString());
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether a character is written without spaces between words: Han, kana, Hangul, Bopomofo.</summary>
    /// <param name="rune">The character.</param>
    /// <returns>True for CJK.</returns>
    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x11FF => true, // Hangul Jamo
        >= 0x2E80 and <= 0x2FDF => true, // CJK radicals, Kangxi radicals
        0x3005 or 0x3006 or 0x3007 => true, // 々 〆 〇
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3100 and <= 0x31BF => true, // Bopomofo, Hangul compatibility Jamo, Kanbun
        >= 0x31F0 and <= 0x31FF => true, // Katakana phonetic extensions
        >= 0x3400 and <= 0x4DBF => true, // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0x20000 and <= 0x3134F => true, // Extensions B–G, compatibility supplement
        _ => false,
    };

    // The folded text's runs of CJK characters and of other letters and digits; anything else separates them.
    private static IEnumerable<(List<Rune> Run, bool Cjk)> Runs(string? text)
    {
        var run = new List<Rune>();
        var cjk = false;
        foreach (var rune in Fold(text).EnumerateRunes())
        {
            // A combining mark left after recomposition stays with the character before it.
            var isMark = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            var isCjk = isMark && run.Count > 0 ? cjk : IsCjk(rune);
            var isWord = isCjk || isMark || Rune.IsLetterOrDigit(rune);
            if (run.Count > 0 && (!isWord || isCjk != cjk))
            {
                yield return (run, cjk);
                run = [];
            }

            if (isWord)
            {
                run.Add(rune);
                cjk = isCjk;
            }
        }

        if (run.Count > 0)
        {
            yield return (run, cjk);
        }
    }

    // A word as a term, cut to the longest term at a character boundary.
    private static string Word(List<Rune> run)
    {
        var word = new StringBuilder();
        foreach (var rune in run)
        {
            if (word.Length + rune.Utf16SequenceLength > MaxTermLength)
            {
                break;
            }

            word.Append(rune.ToString());
        }

        return word.ToString();
    }
}
