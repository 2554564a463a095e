using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// The CopyImage idempotency token: the same source, destination and attempt always give the same token, so a
/// duplicate, retried or replayed event can never start a second copy (EC2 returns the first copy instead).
/// </summary>
public static class CopyClientToken
{
    /// <summary>EC2's limit for <c>ClientToken</c>.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Lower-case hex SHA-256 of <c>ami-lifecycle-copy|{source}|{destination}</c> (plus <c>|{attempt}</c> from the
    /// second attempt on, so a retry after a failed copy is a new request), truncated to 64 characters.
    /// </summary>
    public static string For(string sourceImageId, string destinationRegion, int attempt = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceImageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationRegion);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var text = attempt == 1
            ? $"ami-lifecycle-copy|{sourceImageId}|{destinationRegion}"
            : string.Create(CultureInfo.InvariantCulture, $"ami-lifecycle-copy|{sourceImageId}|{destinationRegion}|{attempt}");
        return Hash(text);
    }

    /// <summary>The token for the same attempt sent again under another name (<see cref="CopyNames.ForAttempt"/>), because
    /// a failed copy of the source still holds the name: other parameters need another token.</summary>
    public static string ForRenamed(string sourceImageId, string destinationRegion, int attempt) =>
        Hash(string.Create(CultureInfo.InvariantCulture, $"ami-lifecycle-copy|{sourceImageId}|{destinationRegion}|{attempt}|renamed"));

    private static string Hash(string text)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return hex.Length <= MaxLength ? hex : hex[..MaxLength];
    }
}
