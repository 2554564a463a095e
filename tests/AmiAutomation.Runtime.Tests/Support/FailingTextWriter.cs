using System.Text;

namespace AmiAutomation.Runtime.Tests.Support;

/// <summary>A writer whose every write fails, like a closed stdout.</summary>
internal sealed class FailingTextWriter : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => throw new IOException("stdout is closed");

    public override void Write(string? value) => throw new IOException("stdout is closed");
}
