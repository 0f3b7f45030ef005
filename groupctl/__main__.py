from groupctl.entry import main

main()
