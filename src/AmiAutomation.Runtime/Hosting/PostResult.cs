namespace AmiAutomation.Runtime.Hosting;

/// <summary>The Runtime API's answer to a POST (anything but 500, which throws).</summary>
internal readonly record struct PostResult(int StatusCode, string Body)
{
    public bool Accepted => StatusCode is >= 200 and < 300;
}
