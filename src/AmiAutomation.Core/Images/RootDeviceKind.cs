namespace AmiAutomation.Core.Images;

public enum RootDeviceKind
{
    Ebs,
    InstanceStore,
}
