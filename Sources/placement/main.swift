import PlacementCommands

Placement.main()
