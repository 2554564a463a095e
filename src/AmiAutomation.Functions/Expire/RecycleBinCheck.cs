namespace AmiAutomation.Functions.Expire;

/// <summary>What <see cref="RecycleBinVerifier"/> found: the image in the bin (with its purge time) or not, after how many polls.</summary>
public sealed record RecycleBinCheck(string ImageId, bool Found, int Attempts, TimeSpan Waited, DateTimeOffset? ExitTime, string? LastError)
{
    public string Describe() => Found
        ? $"{ImageId} is in the Recycle Bin (purged at {ExitTime:u}) after {Attempts} poll(s)"
        : $"{ImageId} did not appear in the Recycle Bin within {Waited.TotalSeconds:0} s ({Attempts} poll(s)){(LastError is null ? string.Empty : "; last error: " + LastError)}: "
          + "no EC2_IMAGE retention rule matched it, so it was deleted for good";
}
