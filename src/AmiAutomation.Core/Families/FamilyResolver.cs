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
/// <para>Default name rule (<see cref="DefaultFamilyRule"/>): the name without its build stamps (dates, timestamps,
/// build counters, commit hashes) and without minor/patch versions; the major version stays, so <c>centos-7.9</c> and
/// <c>centos-8.5</c> are <c>centos-7</c> and <c>centos-8</c>, and <c>myapp-1.2.3-20240101-build7</c> is <c>myapp-1</c>.
/// When a part cannot be told apart it stays (a narrower family keeps more images).</para>
/// <para>Override: a regular expression with a named group <c>family</c> picks the family out of the name (no match:
/// the whole name); any other regular expression is a "strip" expression whose first match is removed (trailing
/// separators are trimmed afterwards; empty result: the whole name). Matching is culture-invariant and case-sensitive
/// unless the pattern says <c>(?i)</c>; each match is limited to <see cref="MatchTimeout"/>. When a match times out the
/// whole name is the family: a family of one image is always protected as its newest, so a slow pattern fails safe.</para>
/// </remarks>
public sealed class FamilyResolver
{
    /// <summary>The name of the capture group an override pattern may use to select the family.</summary>
    public const string FamilyGroupName = "family";

    /// <summary>Longest time one name may take to match an override pattern.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly char[] Separators = ['-', '_', '.', ' ', '\t'];

    private readonly Regex? _regex;
    private readonly bool _selectsFamilyGroup;

    /// <summary>Creates a resolver. <paramref name="pattern"/> null means the built-in rule.</summary>
    /// <exception cref="ArgumentException">The pattern is blank or not a valid regular expression
    /// (check first with <see cref="ValidatePattern"/>).</exception>
    public FamilyResolver(string? pattern = null)
    {
        if (pattern is null)
        {
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

    /// <summary>The resolver using the built-in rule.</summary>
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
        if (_regex is null)
        {
            return DefaultFamilyRule.FromName(name);
        }

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
    /// An EC2 <c>name</c> filter value that matches at least every image name whose family is <paramref name="family"/>,
    /// or null when no filter can (a strip pattern may cut from the middle of a name: read every image). Wildcards only
    /// widen a listing; the reader resolves every image again.
    /// </summary>
    public string? NameFilter(string family)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (_regex is null)
        {
            return DefaultFamilyRule.NameFilter(family);
        }

        return _selectsFamilyGroup ? "*" + EscapeWildcards(family) + "*" : null;
    }

    /// <summary><paramref name="value"/> with the EC2 filter wildcards <c>*</c>, <c>?</c> and <c>\</c> escaped.</summary>
    public static string EscapeWildcards(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);
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
}
