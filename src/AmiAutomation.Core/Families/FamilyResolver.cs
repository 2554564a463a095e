using System.Text.RegularExpressions;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Families;

/// <summary>
/// Decides which family an image belongs to. Keep-N, "superseded by newer" and "last of family" all count per family
/// (and per region: an inventory is one region).
/// </summary>
/// <remarks>
/// <para>Order: the value of the <see cref="TagNames.Family"/> tag when present and not blank; otherwise a family
/// derived from the image name.</para>
/// <para>Default name rule (<see cref="DefaultPattern"/>): remove ONE trailing version or timestamp token together with
/// the separators (<c>-</c>, <c>_</c>, <c>.</c>, space) before and after it. Recognised tokens:
/// dotted dates and versions (<c>-2024.03.01</c>, <c>_1.2.3</c>), dashed dates with an optional time
/// (<c>-2024-03-01</c>, <c>-2024-03-01T12-00-00Z</c>), compact dates and date-times (<c>-20240301</c>,
/// <c>-20240301T1200Z</c>, <c>-20240301-1200</c>, <c>-202403011200</c>), <c>v</c>-versions (<c>-v12</c>, <c>-v1.2</c>),
/// epoch seconds or milliseconds (<c>-1712345678</c>), build numbers (<c>-build-123</c>), each optionally followed by a
/// short build counter (<c>-2025.03.18-6</c>: several builds on one day). A lone short number (<c>centos-7</c>) is NOT
/// stripped. Only one token goes, so <c>ubuntu-22.04-20240301</c> gives <c>ubuntu-22.04</c>.
/// A name that is nothing but a version keeps its whole name as family.</para>
/// <para>Override: a regular expression with a named group <c>family</c> picks the family out of the name (no match:
/// the whole name); any other regular expression is a "strip" expression whose first match is removed (trailing
/// separators are trimmed afterwards; empty result: the whole name). Matching is culture-invariant and case-sensitive
/// unless the pattern says <c>(?i)</c>; each match is limited to <see cref="MatchTimeout"/>. When a match times out the
/// whole name is the family: a family of one image is always protected as its newest, so a slow pattern fails safe.</para>
/// </remarks>
public sealed partial class FamilyResolver
{
    /// <summary>The name of the capture group an override pattern may use to select the family.</summary>
    public const string FamilyGroupName = "family";

    /// <summary>The default strip expression (matched case-insensitively). See the type remarks.</summary>
    public const string DefaultPattern =
        @"[-_.\s]+(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)+|\d{4}-\d{2}-\d{2}(?:[T_-]?\d{2}[-:.]?\d{2}(?:[-:.]?\d{2})?Z?)?"
        + @"|\d{8}(?:[T_.-]?\d{4}(?:\d{2})?Z?)?|\d{10}(?:\d{3})?|build[-_.]?\d+)(?:[-_.\s]+\d{1,4})?[-_.\s]*$";

    /// <summary>Longest time one name may take to match an override pattern.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly char[] Separators = ['-', '_', '.', ' ', '\t'];

    private readonly Regex _regex;
    private readonly bool _selectsFamilyGroup;

    /// <summary>Creates a resolver. <paramref name="pattern"/> null means <see cref="DefaultPattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is blank or not a valid regular expression
    /// (check first with <see cref="ValidatePattern"/>).</exception>
    public FamilyResolver(string? pattern = null)
    {
        if (pattern is null)
        {
            _regex = DefaultRegex();
            return;
        }

        var error = ValidatePattern(pattern, "pattern");
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(pattern));
        }

        Pattern = pattern;
        _regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        _selectsFamilyGroup = _regex.GroupNumberFromName(FamilyGroupName) >= 0;
    }

    /// <summary>The resolver using <see cref="DefaultPattern"/>.</summary>
    public static FamilyResolver Default { get; } = new();

    /// <summary>The override pattern, or null for the default.</summary>
    public string? Pattern { get; }

    /// <summary>True when the override pattern selects the family with a <c>family</c> group rather than stripping.</summary>
    public bool SelectsFamilyGroup => _selectsFamilyGroup;

    /// <summary>The family of <paramref name="image"/>: its family tag, else the family derived from its name.</summary>
    public string Resolve(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var tagged = image.Tag(TagNames.Family);
        if (!string.IsNullOrWhiteSpace(tagged))
        {
            return tagged.Trim();
        }

        return FromName(image.Name);
    }

    /// <summary>The family derived from an image name alone (the tag is not consulted).</summary>
    public string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            var match = _regex.Match(name);
            if (!match.Success)
            {
                return name;
            }

            if (_selectsFamilyGroup)
            {
                var group = match.Groups[FamilyGroupName];
                var selected = group.Success ? group.Value.Trim() : string.Empty;
                return selected.Length > 0 ? selected : name;
            }

            var stripped = name.Remove(match.Index, match.Length).TrimEnd(Separators).Trim();
            return stripped.Length > 0 ? stripped : name;
        }
        catch (RegexMatchTimeoutException)
        {
            return name;
        }
    }

    /// <summary>
    /// Checks an override pattern. Returns null when it is usable, else an error message naming
    /// <paramref name="field"/> and the bad value.
    /// </summary>
    public static string? ValidatePattern(string? pattern, string field)
    {
        if (pattern is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(pattern))
        {
            return $"{field} must be a regular expression or null for the default family rule (was '{pattern}').";
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            return null;
        }
        catch (RegexParseException ex)
        {
            return $"{field} is not a valid regular expression (was '{pattern}'): {RegexErrorText.Describe(ex)}.";
        }
    }

    [GeneratedRegex(DefaultPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DefaultRegex();
}
