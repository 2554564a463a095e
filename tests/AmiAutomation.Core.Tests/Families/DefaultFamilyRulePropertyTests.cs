using System.Globalization;
using System.Text.RegularExpressions;
using AmiAutomation.Core.Families;
using CsCheck;

namespace AmiAutomation.Core.Tests.Families;

/// <summary>
/// For generated names <c>stem + major + minor/patch + suffix + stamp</c>: the family does not depend on the minor/patch
/// or the stamp, and it does depend on the major. The name filter the re-check uses always lists the name.
/// </summary>
public sealed class DefaultFamilyRulePropertyTests
{
    private static readonly string[] Known = ["ubuntu", "centos", "rhel", "debian", "amzn", "al", "windows", "server", "myapp", "web", "api", "base", "golden", "eks", "node", "jammy", "hvm", "ssd", "gp3", "amd64", "arm64", "x86", "English", "Full", "Base", "kernel"];

    /// <summary>A word that is no build stamp itself: letters first (no <c>v12</c>, <c>b17</c>, <c>build</c>), at most one digit after.</summary>
    private static readonly Gen<string> Word = Gen.Frequency(
        (2, Gen.OneOf(Known)),
        (1, Gen.Select(Gen.String[Gen.Char['a', 'z'], 2, 8], Gen.Int[0, 12])
            .Where((w, _) => w is not ("build" or "rev" or "rc"))
            .Select((w, d) => d < 10 ? w + d.ToString(CultureInfo.InvariantCulture) : w)));

    private static readonly Gen<char> Separator = Gen.OneOf('-', '_');

    private static readonly Gen<string> Stem = Gen.Select(Word.Array[1, 3], Gen.OneOf("-", "_", "/", " ", "."))
        .Select((words, sep) => string.Join(sep, words));

    private static readonly Gen<string> Suffix = Gen.Frequency(
        (2, Gen.Const(string.Empty)),
        (1, Gen.Select(Word.Array[1, 2], Separator).Select((words, sep) => sep + string.Join(sep, words))));

    private static readonly Gen<string> MinorPatch = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 99], Gen.Int[0, 999])
        .Select((shape, minor, patch) => shape switch
        {
            0 => string.Empty,
            1 => Invariant($".{minor}"),
            2 => Invariant($".{minor:00}"),
            3 => Invariant($".{minor}.{patch}"),
            4 => ".x",
            _ => Invariant($".{minor}.{patch}.{patch % 7}"),
        });

    private static readonly Gen<DateTime> When = Gen.DateTime[new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2035, 12, 31, 0, 0, 0, DateTimeKind.Utc)];

    private static readonly Gen<string> Stamp = Gen.Select(Gen.Int[0, 11], When, Gen.Int[1, 9999], Gen.OneOf('-', '_', '.'))
        .Select((shape, at, n, sep) => shape switch
        {
            0 => string.Empty,
            1 => sep + at.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            2 => sep + at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            3 => sep + at.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            4 => sep + at.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", CultureInfo.InvariantCulture),
            5 => sep + new DateTimeOffset(at).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            6 => sep + at.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture),
            7 => sep + "build" + n.ToString(CultureInfo.InvariantCulture),
            8 => sep + "build-" + n.ToString(CultureInfo.InvariantCulture),
            9 => sep + (n % 2 == 0 ? "b" : "r") + n.ToString(CultureInfo.InvariantCulture),
            10 => sep + "v" + at.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            _ => sep + at.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture) + (n % 3 == 0 ? "-" + (n % 10).ToString(CultureInfo.InvariantCulture) : string.Empty),
        });

    private static readonly Gen<(string Stem, char Sep, string Suffix)> Line = Gen.Select(Stem, Separator, Suffix);

    private static readonly Gen<(string MinorPatch, string Stamp)> Build = Gen.Select(MinorPatch, Stamp);

    [Fact]
    public void FromName_BuildsOfOneLine_SameFamilyWhateverMinorPatchOrStamp()
    {
        Gen.Select(Line, Gen.Int[2, 999], Build, Build).Sample((line, major, first, second) =>
        {
            var a = Name(line, major, first);
            var b = Name(line, major, second);
            var fa = FamilyResolver.Default.FromName(a);
            var fb = FamilyResolver.Default.FromName(b);
            return fa == fb || Fail($"'{a}' → '{fa}' but '{b}' → '{fb}'");
        });
    }

    [Fact]
    public void FromName_MajorDiffers_NeverTheSameFamily()
    {
        Gen.Select(Line, Gen.Int[0, 999], Gen.Int[1, 999], Build, Build).Sample((line, major, step, first, second) =>
        {
            var a = Name(line, major, first);
            var b = Name(line, (major + step) % 1000, second);
            var fa = FamilyResolver.Default.FromName(a);
            var fb = FamilyResolver.Default.FromName(b);
            return fa != fb || Fail($"'{a}' and '{b}' both → '{fa}'");
        });
    }

    [Fact]
    public void NameFilter_OfTheFamily_AlwaysMatchesTheName()
    {
        Gen.Select(Line, Gen.Int[0, 999], Build).Sample((line, major, build) =>
        {
            var name = Name(line, major, build);
            var filter = FamilyResolver.Default.NameFilter(FamilyResolver.Default.FromName(name))!;
            return Glob(filter).IsMatch(name) || Fail($"'{filter}' does not match '{name}'");
        });
    }

    [Theory]
    [MemberData(nameof(DefaultFamilyRuleTests.Names), MemberType = typeof(DefaultFamilyRuleTests))]
    public void NameFilter_RealWorldNames_MatchTheirName(string name, string family)
    {
        var filter = FamilyResolver.Default.NameFilter(family);

        Assert.NotNull(filter);
        Assert.Matches(Glob(filter), name);
    }

    /// <summary>EC2 filter wildcards (<c>*</c> any run, <c>?</c> one character, <c>\</c> escapes) as an anchored regex.</summary>
    internal static Regex Glob(string filter)
    {
        var pattern = new System.Text.StringBuilder("^");
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            pattern.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                '\\' when i + 1 < filter.Length => Regex.Escape(filter[++i].ToString()),
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    private static string Name((string Stem, char Sep, string Suffix) line, int major, (string MinorPatch, string Stamp) build) =>
        Invariant($"{line.Stem}{line.Sep}{major}{build.MinorPatch}{line.Suffix}{build.Stamp}");

    /// <summary>Fails the sample with a message naming both names (the independence property starts majors at 2: a
    /// two-part version of 0 or 1 keeps its minor on purpose, <c>eks-node-1.29</c>).</summary>
    private static bool Fail(string message) => throw new Xunit.Sdk.XunitException(message);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
