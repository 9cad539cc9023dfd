import PortlessCLI

await PortlessCommand.start()
